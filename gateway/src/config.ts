import { envOptional } from '@bff/kit';

/** Gateway settings, read from the environment in this one place. */
export interface GatewayConfig {
  /** Path of the local registry file (`{"subgraphs":[{"name","url","sdl"?}]}`). */
  registryFile: string;
}

export function readGatewayConfig(): GatewayConfig {
  const registryFile = envOptional('REGISTRY_FILE');
  if (!registryFile) {
    throw new Error('REGISTRY_FILE is not set: it must name the registry file listing the subgraphs.');
  }
  return { registryFile };
}
