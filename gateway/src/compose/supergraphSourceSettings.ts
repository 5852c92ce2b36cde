import { envInt, envOptional } from '@bff/kit/core';

/** The supergraph source's settings from the environment; spread them into `SupergraphSource`'s options. */
export interface SupergraphSourceSettings {
  pollIntervalMs: number;
  cacheDir?: string;
}

/**
 * `REGISTRY_POLL_SECONDS` (default 30; 0 turns polling off) and
 * `SUPERGRAPH_CACHE_DIR` (optional: a folder for the composed supergraph).
 */
export function readSupergraphSourceSettings(): SupergraphSourceSettings {
  const pollSeconds = envInt('REGISTRY_POLL_SECONDS', 30);
  if (pollSeconds < 0) throw new Error(`REGISTRY_POLL_SECONDS must be 0 or more, got ${pollSeconds}`);
  const cacheDir = envOptional('SUPERGRAPH_CACHE_DIR');
  return cacheDir ? { pollIntervalMs: pollSeconds * 1000, cacheDir } : { pollIntervalMs: pollSeconds * 1000 };
}
