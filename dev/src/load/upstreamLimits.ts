import { envInt } from '@bff/kit';

/** The gateway's time limits for one subgraph, which a scenario's expectations are measured against. */
export interface UpstreamLimits {
  timeoutMs: number;
  breakerResetMs: number;
}

/**
 * Reads the documented gateway settings (README, "Calls to subgraphs") from this
 * process's environment, which the system process inherits: the per-subgraph
 * value (`BREAKER_RESET_MS_COMMENTS`) first, then the general one, then the default.
 */
export function upstreamLimits(subgraph: string): UpstreamLimits {
  const read = (name: string, fallback: number) => envInt(`${name}_${subgraph.toUpperCase()}`, envInt(name, fallback));
  return { timeoutMs: read('UPSTREAM_TIMEOUT_MS', 3_000), breakerResetMs: read('BREAKER_RESET_MS', 10_000) };
}
