import type { GraphQLSchema } from 'graphql';

import type { GraphQLResolverMap } from './apolloSubgraphInternals';
import type { PreparedSubgraphSchema } from './preparedSubgraphSchema';
import type * as PrepareModule from './prepareSubgraphSchema';
import { schemaFromPrepared } from './schemaFromPrepared';

/**
 * A subgraph's executable schema. In a deployed bundle the CDK app defines
 * `process.env.BFF_PREPARED_SUBGRAPH_SCHEMA` (esbuild `define`) as the schema
 * prepared at build time, and the condition reads it directly so that esbuild
 * drops the other branch, and with it @apollo/subgraph's federation code: no
 * `buildSubgraphSchema` work at cold start. Elsewhere (`npm start`, tests) it is
 * prepared here; either way the schema is made by the same `schemaFromPrepared`.
 *
 * Not configuration: a build-time constant that esbuild writes into the bundle in
 * place of the expression (infra's `preparedSchemaDefine`). It keeps the
 * `process.env` spelling because that is the one esbuild's `define` and Node
 * (unbundled: tests, `npm start`) both read without a ReferenceError.
 */
export function subgraphSchema(typeDefs: string, resolvers: GraphQLResolverMap<unknown>): GraphQLSchema {
  let prepared: PreparedSubgraphSchema;
  // eslint-disable-next-line no-restricted-properties -- an esbuild define (build-time constant), not the environment: see above
  if (process.env.BFF_PREPARED_SUBGRAPH_SCHEMA === undefined) {
    // A require, not an import: an import statement would put the federation code in every bundle, and
    // import() would make the handler asynchronous to create. In a bundle this branch is gone.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { prepareSubgraphSchema } = require('./prepareSubgraphSchema') as typeof PrepareModule;
    prepared = prepareSubgraphSchema(typeDefs);
  } else {
    // eslint-disable-next-line no-restricted-properties -- the esbuild define again
    prepared = JSON.parse(process.env.BFF_PREPARED_SUBGRAPH_SCHEMA) as PreparedSubgraphSchema;
  }
  return schemaFromPrepared(prepared, typeDefs, resolvers);
}
