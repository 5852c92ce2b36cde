import { getStitchedSchemaFromSupergraphSdl } from '@graphql-tools/federation';
import type { GraphQLSchema } from 'graphql';

import { subgraphNamesByGraph } from '../compose/subgraphNames';
import type { GatewayContext } from '../gatewayContext';
import { callerHeaders } from '../upstream/callerHeaders';
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
        fetch: upstreams.for(names.get(name) ?? name),
        headers: (request): Record<string, string> => callerHeaders(request?.context as Partial<GatewayContext> | undefined),
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
