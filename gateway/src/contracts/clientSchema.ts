import { composeServices } from '@theguild/federation-composition';
import { buildSchema, type GraphQLSchema, lexicographicSortSchema, parse, printSchema } from 'graphql';

import { CompositionError, type SubgraphDefinition } from '../compose/composeSupergraph';

/** The composed supergraph and the client (API) schema frontends see, printed in a stable order. */
export interface ClientSchema {
  supergraphSdl: string;
  /** Sorted, so that a diff of the checked-in file shows only real changes. */
  clientSdl: string;
  schema: GraphQLSchema;
}

/** Composes subgraph SDLs and returns the client schema; CompositionError names the subgraphs and types at fault. */
export function composeClientSchema(subgraphs: SubgraphDefinition[]): ClientSchema {
  const parseErrors: string[] = [];
  const services = subgraphs.flatMap(({ name, url, sdl }) => {
    try {
      return [{ name, url, typeDefs: parse(sdl) }];
    } catch (error) {
      parseErrors.push(`[${name}] ${(error as Error).message}`);
      return [];
    }
  });
  if (parseErrors.length) throw new CompositionError(parseErrors);
  const result = composeServices(services);
  if (result.errors) throw new CompositionError(result.errors.map((error) => error.message));
  const schema = lexicographicSortSchema(buildSchema(result.publicSdl));
  return { supergraphSdl: result.supergraphSdl, clientSdl: `${printSchema(schema)}\n`, schema };
}
