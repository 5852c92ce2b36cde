import type { Logger } from '@bff/kit';

import { ENGINE_NAMES, type Engine, type EngineName, type EngineOptions } from './engine';
import { createStitchEngine } from './stitchEngine';

/**
 * The one engine a deployed bundle holds: the CDK app defines this at build time
 * (esbuild `define`), so that the other engine's code is left out of the bundle
 * (for stitch: @apollo/gateway, its query planner and OpenTelemetry). Undefined
 * elsewhere (`npm start`, tests): both engines are there.
 */
const BUNDLED_ENGINE = process.env.BFF_BUNDLED_ENGINE;

export async function createEngine(name: EngineName, supergraphSdl: string, options: EngineOptions, logger: Logger): Promise<Engine> {
  if (BUNDLED_ENGINE !== undefined && BUNDLED_ENGINE !== name) {
    throw new Error(`GATEWAY_ENGINE is "${name}" but this bundle was built with the ${BUNDLED_ENGINE} engine only; rebuild it with -c gatewayEngine=${name}`);
  }
  if (name === 'apollo' && BUNDLED_ENGINE !== 'stitch') {
    // Loaded on demand: a stitch gateway never evaluates the apollo engine's modules.
    const { createApolloEngine } = await import('./apolloEngine');
    return createApolloEngine(supergraphSdl, options, logger);
  }
  if (name === 'stitch' && BUNDLED_ENGINE !== 'apollo') return createStitchEngine(supergraphSdl, options);
  throw new Error(`Unknown engine "${name}": one of ${ENGINE_NAMES.join(', ')}`);
}
