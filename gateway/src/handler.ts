import { type ApiGatewayHandler, failClosed, Secrets } from '@bff/kit/core';

import { createGatewayHandler } from './createGatewayHandler';
import { registryAt } from './registry/registryAt';
import { type GatewaySettings, readGatewaySettings } from './settings';

export { createGatewayHandler, type GatewayOptions } from './createGatewayHandler';
export { ENGINE_NAMES, type EngineName } from './engines/engine';
export { LocalFileRegistry } from './registry/localFileRegistry';
export { DEFAULT_GATEWAY_SETTINGS, type GatewaySettings, readGatewaySettings } from './settings';

/**
 * @deprecated The settings from this process's environment, for callers not yet
 * moved to `readGatewaySettings(process.env)` (dev/, bench/); remove once none is left.
 */
export const readGatewayConfig = (): GatewaySettings => readGatewaySettings(process.env);

let configured: { handler: ApiGatewayHandler; secrets: Secrets } | undefined;
// The environment, parsed once: a wrong or missing setting throws, named, and failClosed reports it.
const configure = () => {
  if (configured) return configured;
  const { registry, ...settings } = readGatewaySettings(process.env);
  const secrets = new Secrets(settings.runtime.secrets);
  return (configured = { handler: createGatewayHandler({ registry: registryAt(registry), settings, secrets }), secrets });
};

/**
 * Lambda entry of the gateway (API Gateway HTTP API, payload 2.0), configured from
 * the environment; misconfigured, it answers SERVICE_MISCONFIGURED.
 */
export const handler: ApiGatewayHandler = failClosed(
  'gateway',
  { secrets: [() => configure().secrets.authSecrets()], validate: configure },
  (event, context) => configure().handler(event, context),
);
