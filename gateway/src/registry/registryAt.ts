import type { RegistryLocation } from '../settings';
import { LocalFileRegistry } from './localFileRegistry';
import { SsmRegistry } from './ssmRegistry';
import type { SubgraphRegistry } from './subgraphRegistry';

/**
 * The registry the settings name: SSM parameters under REGISTRY_SSM_PREFIX
 * (e.g. `/bff/dev/subgraphs/`) when it is set, else the JSON file REGISTRY_FILE.
 */
export function registryAt(location: RegistryLocation | undefined): SubgraphRegistry {
  if (location?.kind === 'ssm') return new SsmRegistry(location.prefix);
  if (location?.kind === 'file') return new LocalFileRegistry(location.path);
  throw new Error('Neither REGISTRY_SSM_PREFIX nor REGISTRY_FILE is set: one must say where the subgraphs are listed.');
}
