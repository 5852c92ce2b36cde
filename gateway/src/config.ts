import { DEFAULT_GATEWAY_SETTINGS, type GatewaySettings } from './settings';

/**
 * @deprecated The default settings, for gateway/test/conformance until it passes
 * `settings: { engine, pollIntervalMs: 0 }` to `createGatewayHandler`; then delete this file.
 */
export const readGatewayConfig = (): GatewaySettings => ({ ...DEFAULT_GATEWAY_SETTINGS });
