import { envInt } from '@bff/kit';

/** How the gateway calls one subgraph. */
export interface UpstreamSettings {
  /** The whole call, retries included, must finish within this. */
  timeoutMs: number;
  /** Extra attempts for a query after a connection error or a 502/503/504; mutations never retry. */
  retries: number;
  /** First backoff; each retry waits up to twice as long, with full jitter. */
  backoffMs: number;
  failureThreshold: number;
  resetAfterMs: number;
}

/** `USERS` for `users`: per-subgraph settings are UPSTREAM_TIMEOUT_MS_USERS and so on. */
const suffix = (subgraph: string) => subgraph.toUpperCase().replace(/[^A-Z0-9]/g, '_');

/**
 * Settings for one subgraph: UPSTREAM_TIMEOUT_MS (default 3000), UPSTREAM_RETRIES
 * (2), UPSTREAM_BACKOFF_MS (50), BREAKER_FAILURES (5), BREAKER_RESET_MS (10000);
 * each may be set for one subgraph by appending its name, e.g. UPSTREAM_TIMEOUT_MS_USERS.
 */
export function upstreamSettings(subgraph: string): UpstreamSettings {
  const read = (name: string, fallback: number) => envInt(`${name}_${suffix(subgraph)}`, envInt(name, fallback));
  return {
    timeoutMs: read('UPSTREAM_TIMEOUT_MS', 3_000),
    retries: read('UPSTREAM_RETRIES', 2),
    backoffMs: read('UPSTREAM_BACKOFF_MS', 50),
    failureThreshold: read('BREAKER_FAILURES', 5),
    resetAfterMs: read('BREAKER_RESET_MS', 10_000),
  };
}
