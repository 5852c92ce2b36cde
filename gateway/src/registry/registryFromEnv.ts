import { envOptional } from '@bff/kit/core';

import { LocalFileRegistry } from './localFileRegistry';
import { SsmRegistry } from './ssmRegistry';
import type { SubgraphRegistry } from './subgraphRegistry';

/**
 * The registry the environment names: SSM parameters under `REGISTRY_SSM_PREFIX`
 * (e.g. `/bff/dev/subgraphs/`) when it is set, else the JSON file `REGISTRY_FILE`.
 */
export function registryFromEnv(): SubgraphRegistry {
  const prefix = envOptional('REGISTRY_SSM_PREFIX');
  if (prefix) return new SsmRegistry(prefix);
  const file = envOptional('REGISTRY_FILE');
  if (file) return new LocalFileRegistry(file);
  throw new Error('Neither REGISTRY_SSM_PREFIX nor REGISTRY_FILE is set: one must say where the subgraphs are listed.');
}
