import { serviceClient } from '@bff/kit/client';
import { authSecrets, createSubgraphHandler, cursorSecret, envOptional, failClosed, idempotencyTableName } from '@bff/kit/subgraph';

import typeDefs from '../schema.graphql';
import { createContext, resolvers } from './resolvers';

const comments = serviceClient('articles', 'comments');

/** Lambda entry of the articles subgraph (API Gateway HTTP API, payload 2.0); misconfigured, it answers SERVICE_MISCONFIGURED. */
export const handler = failClosed(
  'articles',
  { productionEnv: ['ARTICLES_TABLE', 'ARTICLES_IDEMPOTENCY_TABLE'], secrets: [authSecrets, cursorSecret] },
  createSubgraphHandler({
    name: 'articles',
    typeDefs,
    resolvers,
    // COMMENTS_URL is read per request: the local system learns the comments port after this module loads.
    // It is optional, and unset in AWS (the stacks cannot give it on a first deploy): comments' sweep then cleans up.
    context: (base) => createContext(base, comments, envOptional('COMMENTS_URL')),
    idempotency: { tableName: () => idempotencyTableName('articles') },
  }),
);
