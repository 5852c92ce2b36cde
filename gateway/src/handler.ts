import type { ApiGatewayHandler } from '@bff/kit';

import { readGatewayConfig } from './config';
import { createGatewayHandler } from './createGatewayHandler';
import { LocalFileRegistry } from './registry/localFileRegistry';

export { createGatewayHandler } from './createGatewayHandler';
export { LocalFileRegistry } from './registry/localFileRegistry';

let configured: ApiGatewayHandler | undefined;

/** Lambda entry of the gateway (API Gateway HTTP API, payload 2.0), configured from the environment. */
export const handler: ApiGatewayHandler = (event, context) => {
  configured ??= createGatewayHandler({ registry: new LocalFileRegistry(readGatewayConfig().registryFile) });
  return configured(event, context);
};
