import { ApolloGateway, type SupergraphSdlUpdateFunction } from '@apollo/gateway';
import type { Logger } from '@bff/kit/core';

import type { Engine, EngineOptions } from './engine';
import { SubgraphDataSource } from './subgraphDataSource';

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
    buildService: ({ name, url }) => new SubgraphDataSource(url ?? '', upstreams.for(name)),
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
