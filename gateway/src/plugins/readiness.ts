import { ErrorCode, graphqlErrorBody } from '@bff/kit/core';

import type { GatewayPlugin } from './gatewayPlugin';

/**
 * Holds each request until the gateway can serve (`whenReady`: its supergraph
 * loaded and its engine built). While that fails, the request is answered
 * 503 GATEWAY_NOT_READY, and the next one tries again.
 */
export function readiness(whenReady: () => Promise<unknown>): GatewayPlugin {
  return {
    name: 'readiness',
    async onEvent(_event, next) {
      try {
        await whenReady();
      } catch {
        // Whatever failed has logged why.
        return graphqlErrorBody(503, 'The gateway is not ready: its subgraphs could not be loaded.', ErrorCode.GATEWAY_NOT_READY);
      }
      return next();
    },
  };
}
