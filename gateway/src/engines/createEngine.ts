import type { Logger } from '@bff/kit/core';

import { ENGINE_NAMES, type Engine, type EngineName, type EngineOptions } from './engine';
import { createStitchEngine } from './stitchEngine';

declare global {
  /**
   * The one engine a Lambda bundle holds: an esbuild `define` of the CDK app
   * (`globalThis.BFF_BUNDLED_ENGINE`), replaced by a string literal at build time.
   * Undefined where the source runs unbundled (`npm start`, tests): both engines are there.
   */
  var BFF_BUNDLED_ENGINE: EngineName | undefined;
}

/**
 * Starts the named engine. Each condition below reads the define directly, so
 * that esbuild folds it to a constant and drops the branch of the engine not
 * built in: a stitch bundle holds no @apollo/gateway, query planner or
 * OpenTelemetry (2.6 MB). Read into a variable first, the define is not folded and
 * both engines are bundled.
 */
export async function createEngine(name: EngineName, supergraphSdl: string, options: EngineOptions, logger: Logger): Promise<Engine> {
  if (globalThis.BFF_BUNDLED_ENGINE !== undefined && globalThis.BFF_BUNDLED_ENGINE !== name) {
    throw new Error(
      `GATEWAY_ENGINE is "${name}" but this bundle was built with the ${globalThis.BFF_BUNDLED_ENGINE} engine only; rebuild it with -c gatewayEngine=${name}`,
    );
  }
  if (globalThis.BFF_BUNDLED_ENGINE !== 'stitch' && name === 'apollo') {
    // Loaded on demand: where both engines are there, a stitch gateway never evaluates these modules.
    const { createApolloEngine } = await import('./apolloEngine');
    return createApolloEngine(supergraphSdl, options, logger);
  }
  // Imported statically: through import() esbuild would keep more of @graphql-tools (117 KB), and an
  // apollo bundle keeps this code unused either way.
  if (globalThis.BFF_BUNDLED_ENGINE !== 'apollo' && name === 'stitch') return createStitchEngine(supergraphSdl, options);
  throw new Error(`Unknown engine "${name}": one of ${ENGINE_NAMES.join(', ')}`);
}
