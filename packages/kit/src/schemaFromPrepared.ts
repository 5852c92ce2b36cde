import { buildASTSchema, type GraphQLSchema, parse } from 'graphql';

import { addResolversToSchema, entitiesResolver, type GraphQLResolverMap } from './apolloSubgraphInternals';
import { type PreparedSubgraphSchema, typeDefsSha256 } from './preparedSubgraphSchema';

/**
 * The executable subgraph schema from a prepared one, with graphql-js alone (a
 * few ms rather than buildSubgraphSchema's 60+): the SDL built without
 * validation (it was validated when prepared), then the resolvers attached as
 * buildSubgraphSchema attaches them: `_service` answers the prepared SDL,
 * `_entities` calls each type's `__resolveReference`.
 */
export function schemaFromPrepared(prepared: PreparedSubgraphSchema, typeDefs: string, resolvers: GraphQLResolverMap<unknown>): GraphQLSchema {
  if (prepared.typeDefsSha256 !== typeDefsSha256(typeDefs)) {
    throw new Error('The prepared subgraph schema was made from other typeDefs than this handler has: rebuild the bundle');
  }
  const schema = buildASTSchema(parse(prepared.sdl), { assumeValid: true, assumeValidSDL: true });
  const query = schema.getQueryType()?.name ?? 'Query';
  addResolversToSchema(schema, { [query]: { _service: () => ({ sdl: prepared.sdl }) } });
  if (schema.getType('_Entity')) {
    addResolversToSchema(schema, {
      [query]: {
        // Typed `any` by @apollo/subgraph: a list of entities (or promises of them) for the executor.
        _entities: (_source, { representations }: { representations: unknown[] }, context: unknown, info): unknown[] =>
          entitiesResolver({ representations, context, info }) as unknown[],
      },
      _Entity: { __resolveType: (parent: { __typename?: string }) => parent.__typename },
    });
  }
  addResolversToSchema(schema, resolvers);
  return schema;
}
