import { transformSupergraphToPublicSchema } from '@theguild/federation-composition';
import { buildASTSchema, type GraphQLSchema, lexicographicSortSchema, parse, printSchema } from 'graphql';

import { composeSupergraph, type SubgraphDefinition } from '@bff/gateway/compose';

/** The composed supergraph and the client (API) schema frontends see, printed in a stable order. */
export interface ClientSchema {
  supergraphSdl: string;
  /** Sorted, so that a diff of the checked-in file shows only real changes. */
  clientSdl: string;
  schema: GraphQLSchema;
}

/**
 * Composes subgraph SDLs as the gateway does (its `composeSupergraph`, so CompositionError
 * names the subgraphs and types at fault) and derives the client schema from the supergraph.
 */
export function composeClientSchema(subgraphs: SubgraphDefinition[]): ClientSchema {
  const supergraphSdl = composeSupergraph(subgraphs);
  const schema = lexicographicSortSchema(buildASTSchema(transformSupergraphToPublicSchema(parse(supergraphSdl))));
  return { supergraphSdl, clientSdl: `${printSchema(schema)}\n`, schema };
}
