import { getStitchedSchemaFromSupergraphSdl } from '@graphql-tools/federation';
import type { GraphQLSchema } from 'graphql';

import { subgraphNamesByGraph } from '../compose/subgraphNames';
import { subgraphFetch } from '../upstream/subgraphFetch';
import type { Engine, EngineOptions } from './engine';
import { SchemaGateway } from './schemaGateway';

/**
 * The `stitch` engine (MIT): @graphql-tools/federation turns the supergraph
 * into an executable stitched schema whose resolvers delegate to the subgraphs.
 */
export function createStitchEngine(supergraphSdl: string, { upstreams }: EngineOptions): Engine {
  const build = (sdl: string): GraphQLSchema => {
    const names = subgraphNamesByGraph(sdl);
    return getStitchedSchemaFromSupergraphSdl({
      supergraphSdl: sdl,
      // Entity lookups for one type in one plan step go out as one `_entities` request.
      batch: true,
      httpExecutorOpts: ({ name }) => ({
        // The caller reaches the subgraph client from the execution context, which the executor passes to fetch.
        fetch: subgraphFetch(upstreams.for(names.get(name) ?? name)),
        // Each call is signed for its own request, so two calls never match: dedup would only clone every answer.
        deduplicateInflightRequests: false,
      }),
    });
  };
  const gateway = new SchemaGateway(build(supergraphSdl), supergraphSdl);
  return {
    name: 'stitch',
    gateway,
    update: (sdl) => gateway.update(build(sdl), sdl),
  };
}
