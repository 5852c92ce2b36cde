import { buildSubgraphSchema } from '@apollo/subgraph';
import { graphqlSync, introspectionFromSchema, parse } from 'graphql';

import { type PreparedSubgraphSchema, typeDefsSha256 } from './preparedSubgraphSchema';
import { schemaFromPrepared } from './schemaFromPrepared';

/**
 * Does the federation work of a subgraph schema once, ahead of time (at build
 * time, or when a handler is made outside a bundle): `buildSubgraphSchema`, then
 * the SDL its `_service` field serves. Checks that the schema rebuilt from that
 * SDL is the same schema (same introspection), so a federation feature that did
 * not survive printing fails the build rather than a request.
 */
export function prepareSubgraphSchema(typeDefs: string): PreparedSubgraphSchema {
  const built = buildSubgraphSchema({ typeDefs: parse(typeDefs) });
  const result = graphqlSync({ schema: built, source: '{ _service { sdl } }' });
  const sdl = (result.data?._service as { sdl?: unknown } | undefined)?.sdl;
  if (typeof sdl !== 'string') throw new Error(`buildSubgraphSchema gave no _service SDL: ${JSON.stringify(result.errors)}`);
  const prepared = { typeDefsSha256: typeDefsSha256(typeDefs), sdl };
  const rebuilt = schemaFromPrepared(prepared, typeDefs, {});
  if (JSON.stringify(introspectionFromSchema(rebuilt)) !== JSON.stringify(introspectionFromSchema(built))) {
    throw new Error('The subgraph schema rebuilt from its printed SDL differs from the one buildSubgraphSchema made');
  }
  return prepared;
}
