import { CORRELATION_HEADER, type RequestContext } from '@bff/kit';
import { getStitchedSchemaFromSupergraphSdl } from '@graphql-tools/federation';
import type { GraphQLSchema } from 'graphql';

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
        const context = request?.context as Partial<RequestContext> | undefined;
        return context?.correlationId ? { [CORRELATION_HEADER]: context.correlationId } : {};
      },
    },
  });
}
