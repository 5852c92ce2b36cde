import { authSecrets, createSubgraphHandler, cursorSecret, failClosed } from '@bff/kit';

import typeDefs from '../schema.graphql';
import { createContext, resolvers } from './resolvers';

/** Lambda entry of the articles subgraph (API Gateway HTTP API, payload 2.0); misconfigured, it answers SERVICE_MISCONFIGURED. */
export const handler = failClosed(
  'articles',
  { productionEnv: ['ARTICLES_TABLE'], secrets: [authSecrets, cursorSecret] },
  createSubgraphHandler({ name: 'articles', typeDefs, resolvers, context: createContext }),
);
