import type { ApiGatewayHandler } from '@bff/kit/core';

/** A handler served before it can be made, and the way to give it the real one. */
export interface DeferredHandler {
  handler: ApiGatewayHandler;
  /** From now on, requests (and those that have been waiting) go to `handler`. */
  resolve(handler: ApiGatewayHandler): void;
}

/**
 * A Lambda handler to serve now whose real handler comes later: a subgraph's
 * settings hold the URLs of the services it calls, known only once every
 * server listens. A request that comes first waits for it.
 */
export function deferredHandler(): DeferredHandler {
  let resolve: (handler: ApiGatewayHandler) => void = () => {};
  const real = new Promise<ApiGatewayHandler>((done) => (resolve = done));
  return {
    handler: async (event, context) => (await real)(event, context),
    resolve: (handler) => resolve(handler),
  };
}
