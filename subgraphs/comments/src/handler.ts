import {
  authSecrets,
  createLogger,
  createSubgraphHandler,
  cursorSecret,
  DEFAULT_SUBGRAPH_CLIENT_SETTINGS,
  envInt,
  envOptional,
  failClosed,
  iamSigningEnabled,
  idempotencyTableName,
  SubgraphClient,
} from '@bff/kit';

import typeDefs from '../schema.graphql';
import { createContext, resolvers } from './resolvers';

// One client for the whole Lambda instance, so that its breaker and connections outlive a request.
// Its time limit sits below the gateway's, so that the gateway hears why rather than timing out.
const articles = new SubgraphClient({
  subgraph: 'articles',
  settings: { ...DEFAULT_SUBGRAPH_CLIENT_SETTINGS, timeoutMs: envInt('ARTICLES_TIMEOUT_MS', 2_000) },
  logger: createLogger('comments'),
  iamSigning: iamSigningEnabled(),
});

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
