import type { Logger } from '@bff/kit/core';

import { ENGINE_NAMES, type Engine, type EngineName, type EngineOptions } from './engine';
import { createStitchEngine } from './stitchEngine';

/**
 * Starts the named engine. The CDK app defines `process.env.BFF_BUNDLED_ENGINE`
 * at build time (esbuild `define`), and each condition below reads it directly,
 * so that esbuild folds it to a constant and drops the branch of the engine not
 * built in: a stitch bundle holds no @apollo/gateway, query planner or
 * OpenTelemetry (2.6 MB). Read into a variable first, the define is not folded and
 * both engines are bundled. Undefined elsewhere (`npm start`, tests): both are there.
 */
export async function createEngine(name: EngineName, supergraphSdl: string, options: EngineOptions, logger: Logger): Promise<Engine> {
  if (process.env.BFF_BUNDLED_ENGINE !== undefined && process.env.BFF_BUNDLED_ENGINE !== name) {
    throw new Error(
      `GATEWAY_ENGINE is "${name}" but this bundle was built with the ${process.env.BFF_BUNDLED_ENGINE} engine only; rebuild it with -c gatewayEngine=${name}`,
    );
  }
  if (process.env.BFF_BUNDLED_ENGINE !== 'stitch' && name === 'apollo') {
    // Loaded on demand: where both engines are there, a stitch gateway never evaluates these modules.
    const { createApolloEngine } = await import('./apolloEngine');
    return createApolloEngine(supergraphSdl, options, logger);
  }
  // Imported statically: through import() esbuild would keep more of @graphql-tools (117 KB), and an
  // apollo bundle keeps this code unused either way.
  if (process.env.BFF_BUNDLED_ENGINE !== 'apollo' && name === 'stitch') return createStitchEngine(supergraphSdl, options);
  throw new Error(`Unknown engine "${name}": one of ${ENGINE_NAMES.join(', ')}`);
}
