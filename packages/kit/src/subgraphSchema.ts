import type { GraphQLSchema } from 'graphql';

import type { GraphQLResolverMap } from './apolloSubgraphInternals';
import type { PreparedSubgraphSchema } from './preparedSubgraphSchema';
import type * as PrepareModule from './prepareSubgraphSchema';
import { schemaFromPrepared } from './schemaFromPrepared';

declare global {
  /**
   * A subgraph's schema prepared at build time (JSON): an esbuild `define` of the
   * CDK app (infra's `preparedSchemaDefine`), replaced by a string literal in the
   * bundle. A build-time constant, not configuration. Undefined where the source
   * runs unbundled (`npm start`, tests).
   */
  var BFF_PREPARED_SUBGRAPH_SCHEMA: string | undefined;
}

/**
 * A subgraph's executable schema. In a deployed bundle the condition reads the
 * define directly, so that esbuild folds it and drops the other branch, and with
 * it @apollo/subgraph's federation code: no `buildSubgraphSchema` work at cold
 * start. Elsewhere (`npm start`, tests) it is prepared here; either way the schema
 * is made by the same `schemaFromPrepared`.
 */
export function subgraphSchema(typeDefs: string, resolvers: GraphQLResolverMap<unknown>): GraphQLSchema {
  let prepared: PreparedSubgraphSchema;
  if (globalThis.BFF_PREPARED_SUBGRAPH_SCHEMA === undefined) {
    // A require, not an import: an import statement would put the federation code in every bundle, and
    // import() would make the handler asynchronous to create. In a bundle this branch is gone.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { prepareSubgraphSchema } = require('./prepareSubgraphSchema') as typeof PrepareModule;
    prepared = prepareSubgraphSchema(typeDefs);
  } else {
    prepared = JSON.parse(globalThis.BFF_PREPARED_SUBGRAPH_SCHEMA) as PreparedSubgraphSchema;
  }
  return schemaFromPrepared(prepared, typeDefs, resolvers);
}
