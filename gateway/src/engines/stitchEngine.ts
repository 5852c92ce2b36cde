import { CORRELATION_HEADER } from '@bff/kit';
import { getStitchedSchemaFromSupergraphSdl } from '@graphql-tools/federation';
import type { GraphQLSchema } from 'graphql';

import type { GatewayContext } from '../gatewayContext';

/**
 * The `stitch` engine: @graphql-tools/federation turns the supergraph into an
 * executable stitched schema whose resolvers delegate to the subgraphs over HTTP.
 */
export function buildStitchedSchema(supergraphSdl: string): GraphQLSchema {
  return getStitchedSchemaFromSupergraphSdl({
    supergraphSdl,
    // Entity lookups for one type in one plan step go out as one `_entities` request.
    batch: true,
    httpExecutorOpts: {
      headers: (request): Record<string, string> => {
        const context = request?.context as Partial<GatewayContext> | undefined;
        return {
          ...(context?.correlationId ? { [CORRELATION_HEADER]: context.correlationId } : {}),
          // The caller's token, checked here already, is checked again by each subgraph.
          ...(context?.authorization ? { authorization: context.authorization } : {}),
        };
      },
    },
  });
}
