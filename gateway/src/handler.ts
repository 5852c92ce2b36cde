import type { ApiGatewayHandler } from '@bff/kit';

import { createGatewayHandler } from './createGatewayHandler';
import { registryFromEnv } from './registry/registryFromEnv';

export { type GatewayConfig, readGatewayConfig } from './config';
export { createGatewayHandler } from './createGatewayHandler';
export { ENGINE_NAMES, type EngineName } from './engines/engine';
export { LocalFileRegistry } from './registry/localFileRegistry';
export { registryFromEnv } from './registry/registryFromEnv';

let configured: ApiGatewayHandler | undefined;

/** Lambda entry of the gateway (API Gateway HTTP API, payload 2.0), configured from the environment. */
export const handler: ApiGatewayHandler = (event, context) => {
  configured ??= createGatewayHandler({ registry: registryFromEnv() });
  return configured(event, context);
};
