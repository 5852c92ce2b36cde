import { type ApiGatewayHandler, envOptional } from '@bff/kit';

import { createGatewayHandler } from './createGatewayHandler';
import { LocalFileRegistry } from './registry/localFileRegistry';

export { type GatewayConfig, readGatewayConfig } from './config';
export { createGatewayHandler } from './createGatewayHandler';
export { ENGINE_NAMES, type EngineName } from './engines/engine';
export { LocalFileRegistry } from './registry/localFileRegistry';

let configured: ApiGatewayHandler | undefined;

function registryFromEnvironment(): LocalFileRegistry {
  const file = envOptional('REGISTRY_FILE');
  if (!file) throw new Error('REGISTRY_FILE is not set: it must name the registry file listing the subgraphs.');
  return new LocalFileRegistry(file);
}

/** Lambda entry of the gateway (API Gateway HTTP API, payload 2.0), configured from the environment. */
export const handler: ApiGatewayHandler = (event, context) => {
  configured ??= createGatewayHandler({ registry: registryFromEnvironment() });
  return configured(event, context);
};
