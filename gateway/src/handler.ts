import { type ApiGatewayHandler, failClosed, Secrets } from '@bff/kit/core';

import { createGatewayHandler } from './createGatewayHandler';
import { registryAt } from './registry/registryAt';
import { readGatewaySettings } from './settings';

export { createGatewayHandler, type GatewayOptions } from './createGatewayHandler';
export { ENGINE_NAMES, type EngineName } from './engines/engine';
export { LocalFileRegistry } from './registry/localFileRegistry';
export { DEFAULT_GATEWAY_SETTINGS, type GatewaySettings, readGatewaySettings } from './settings';

/** The environment, parsed: the gateway's settings, where its registry is, and its keys. */
function fromEnvironment() {
  const { registry, ...settings } = readGatewaySettings(process.env);
  return { registry, settings, secrets: new Secrets(settings.runtime.secrets) };
}

let checked: ReturnType<typeof fromEnvironment> | undefined;
let configured: ApiGatewayHandler | undefined;

const configure = ({ registry, settings, secrets } = fromEnvironment()) =>
  (configured = createGatewayHandler({ registry: registryAt(registry), settings, secrets }));

/**
 * Lambda entry of the gateway (API Gateway HTTP API, payload 2.0), configured from
 * the environment. Until its settings and keys are right it answers SERVICE_MISCONFIGURED,
 * naming every problem in one log line; each request reads the environment afresh until then.
 */
export const handler: ApiGatewayHandler = failClosed(
  'gateway',
  {
    secrets: [
      async () => {
        checked = undefined;
        checked = fromEnvironment();
        await checked.secrets.authSecrets();
      },
    ],
    validate: () => void configure(checked ?? fromEnvironment()),
  },
  (event, context) => (configured ?? configure())(event, context),
);
