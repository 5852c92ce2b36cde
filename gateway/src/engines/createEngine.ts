import type { Logger } from '@bff/kit';

import { createApolloEngine } from './apolloEngine';
import type { Engine, EngineName, EngineOptions } from './engine';
import { createStitchEngine } from './stitchEngine';

export function createEngine(name: EngineName, supergraphSdl: string, options: EngineOptions, logger: Logger): Engine {
  return name === 'apollo' ? createApolloEngine(supergraphSdl, options, logger) : createStitchEngine(supergraphSdl, options);
}
