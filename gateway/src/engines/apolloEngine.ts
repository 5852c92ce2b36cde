import { ApolloGateway, RemoteGraphQLDataSource, type SupergraphSdlUpdateFunction } from '@apollo/gateway';
import type { Logger } from '@bff/kit';

import type { GatewayContext } from '../gatewayContext';
import { callerHeaders } from '../upstream/callerHeaders';
import type { Engine, EngineOptions } from './engine';

/**
 * The `apollo` engine (Elastic License 2.0): @apollo/gateway's query planner on
 * the same supergraph, calling the subgraphs through the same upstream layer.
 */
export function createApolloEngine(supergraphSdl: string, { upstreams }: EngineOptions, logger: Logger): Engine {
  let update: SupergraphSdlUpdateFunction | undefined;
  const gateway = new ApolloGateway({
    supergraphSdl: ({ update: push }) => {
      update = push;
      return Promise.resolve({ supergraphSdl });
    },
    buildService: ({ name, url }) =>
      new RemoteGraphQLDataSource<GatewayContext>({
        url,
        fetcher: upstreams.for(name) as unknown as RemoteGraphQLDataSource['fetcher'],
        willSendRequest({ request, context }) {
          for (const [key, value] of Object.entries(callerHeaders(context as Partial<GatewayContext>))) {
            request.http?.headers.set(key, value);
          }
        },
      }),
    logger: {
      debug: (message: unknown) => logger.debug(String(message)),
      info: (message: unknown) => logger.info(String(message)),
      warn: (message: unknown) => logger.warn(String(message)),
      error: (message: unknown) => logger.error(String(message)),
    },
  });
  return {
    name: 'apollo',
    gateway,
    update: (sdl) => {
      if (!update) throw new Error('The apollo engine has not loaded yet');
      update(sdl);
    },
  };
}
