import { DEFAULT_SUBGRAPH_CLIENT_SETTINGS as DEFAULTS, type SubgraphClientSettings } from '@bff/kit/client';
import { envInt } from '@bff/kit/core';

/** `USERS` for `users`: per-subgraph settings are UPSTREAM_TIMEOUT_MS_USERS and so on. */
const suffix = (subgraph: string) => subgraph.toUpperCase().replace(/[^A-Z0-9]/g, '_');

/**
 * How the gateway calls one subgraph, from the environment. Each setting may be
 * given for all subgraphs or for one by appending its name (UPSTREAM_TIMEOUT_MS_USERS):
 * UPSTREAM_TIMEOUT_MS (3000), UPSTREAM_RETRIES (2), UPSTREAM_BACKOFF_MS (50),
 * UPSTREAM_CONCURRENCY (64), UPSTREAM_QUEUE (1000), BREAKER_FAILURE_PERCENT (50),
 * BREAKER_MIN_CALLS (20), BREAKER_WINDOW_MS (10000), BREAKER_RESET_MS (10000).
 */
export function upstreamSettings(subgraph: string): SubgraphClientSettings {
  const read = (name: string, fallback: number) => envInt(`${name}_${suffix(subgraph)}`, envInt(name, fallback));
  const failurePercent = read('BREAKER_FAILURE_PERCENT', DEFAULTS.breakerThreshold * 100);
  if (failurePercent < 1 || failurePercent > 99) throw new Error(`BREAKER_FAILURE_PERCENT must be 1 to 99, got ${failurePercent}`);
  return {
    timeoutMs: read('UPSTREAM_TIMEOUT_MS', DEFAULTS.timeoutMs),
    retries: read('UPSTREAM_RETRIES', DEFAULTS.retries),
    backoffMs: read('UPSTREAM_BACKOFF_MS', DEFAULTS.backoffMs),
    concurrency: read('UPSTREAM_CONCURRENCY', DEFAULTS.concurrency),
    queue: read('UPSTREAM_QUEUE', DEFAULTS.queue),
    breakerThreshold: failurePercent / 100,
    breakerMinCalls: read('BREAKER_MIN_CALLS', DEFAULTS.breakerMinCalls),
    breakerWindowMs: read('BREAKER_WINDOW_MS', DEFAULTS.breakerWindowMs),
    breakerResetMs: read('BREAKER_RESET_MS', DEFAULTS.breakerResetMs),
  };
}
