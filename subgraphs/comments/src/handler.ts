import { serviceClient } from '@bff/kit/client';
import { authSecrets, createSubgraphHandler, cursorSecret, envOptional, failClosed, idempotencyTableName } from '@bff/kit/subgraph';

import typeDefs from '../schema.graphql';
import { createContext, resolvers } from './resolvers';

const articles = serviceClient('comments', 'articles');

/** Lambda entry of the comments subgraph (API Gateway HTTP API, payload 2.0); misconfigured, it answers SERVICE_MISCONFIGURED. */
export const handler = failClosed(
  'comments',
  { productionEnv: ['COMMENTS_TABLE', 'COMMENTS_IDEMPOTENCY_TABLE', 'ARTICLES_URL'], secrets: [authSecrets, cursorSecret] },
  createSubgraphHandler({
    name: 'comments',
    typeDefs,
    resolvers,
    // ARTICLES_URL is read per request: the local system learns the articles port after this module loads.
    context: (base) => createContext(base, articles, envOptional('ARTICLES_URL')),
    idempotency: { tableName: () => idempotencyTableName('comments') },
  }),
);
