/**
 * The parts of @apollo/subgraph that its public entry does not export, in one
 * place: the resolver map type, and the two helpers buildSubgraphSchema itself
 * uses after the federation work. They come from the files that hold them: the
 * package's index would load @apollo/federation-internals, the cost that
 * `schemaFromPrepared` avoids at cold start. The rest of the repository takes
 * these from here (`GraphQLResolverMap` from `@bff/kit/subgraph`), so that an
 * upgrade that moves them breaks one file.
 */
/* eslint-disable @typescript-eslint/no-restricted-imports -- the one sanctioned deep import: see above */
export type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
export { addResolversToSchema } from '@apollo/subgraph/dist/schema-helper/buildSchemaFromSDL';
export { entitiesResolver } from '@apollo/subgraph/dist/types';
/* eslint-enable @typescript-eslint/no-restricted-imports */
