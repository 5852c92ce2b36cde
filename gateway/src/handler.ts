import { type ApiGatewayHandler, authSecrets, failClosed } from '@bff/kit/core';

import { createGatewayHandler } from './createGatewayHandler';
import { registryFromEnv } from './registry/registryFromEnv';

export { type GatewayConfig, readGatewayConfig } from './config';
export { createGatewayHandler } from './createGatewayHandler';
export { ENGINE_NAMES, type EngineName } from './engines/engine';
export { LocalFileRegistry } from './registry/localFileRegistry';
export { registryFromEnv } from './registry/registryFromEnv';

let configured: ApiGatewayHandler | undefined;
// Reads every gateway setting and where the registry is: a wrong or missing one throws, named.
const configure = () => (configured ??= createGatewayHandler({ registry: registryFromEnv() }));

/**
 * Lambda entry of the gateway (API Gateway HTTP API, payload 2.0), configured from
 * the environment; misconfigured, it answers SERVICE_MISCONFIGURED.
 */
export const handler: ApiGatewayHandler = failClosed(
  'gateway',
  { secrets: [authSecrets], validate: configure },
  (event, context) => configure()(event, context),
);
