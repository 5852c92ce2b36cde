import { authSecrets, createSubgraphHandler, failClosed, idempotencyTableName } from '@bff/kit/subgraph';

import typeDefs from '../schema.graphql';
import { createContext, resolvers } from './resolvers';

/** Lambda entry of the users subgraph (API Gateway HTTP API, payload 2.0); misconfigured, it answers SERVICE_MISCONFIGURED. */
export const handler = failClosed(
  'users',
  { productionEnv: ['USERS_TABLE', 'USERS_IDEMPOTENCY_TABLE'], secrets: [authSecrets] },
  createSubgraphHandler({
    name: 'users',
    typeDefs,
    resolvers,
    context: createContext,
    idempotency: { tableName: () => idempotencyTableName('users') },
  }),
);
