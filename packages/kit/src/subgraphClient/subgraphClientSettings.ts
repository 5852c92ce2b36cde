/** How one service calls one subgraph. */
export interface SubgraphClientSettings {
  /** The whole call — waiting for a slot, every attempt and backoff — must finish within this. */
  timeoutMs: number;
  /** Extra attempts after a connection error, a 502/503/504 or a 429: for queries, and mutations only with an idempotency key. */
  retries: number;
  /** First backoff; later ones grow exponentially, with jitter. */
  backoffMs: number;
  /** Calls in flight to the subgraph at once. */
  concurrency: number;
  /** Calls that may wait for a slot; past that, calls are shed at once with SUBGRAPH_OVERLOADED. */
  queue: number;
  /** Failed share of sent calls (0 to 1) over the window that opens the circuit. */
  breakerThreshold: number;
  /** Sent calls the window must hold before the share counts: a few failures at low traffic open nothing. */
  breakerMinCalls: number;
  /** The sliding window the share is measured over. */
  breakerWindowMs: number;
  /** How long the circuit stays open before one trial call is let through. */
  breakerResetMs: number;
}

/**
 * Defaults: a timeout well under API Gateway's 29 s; a breaker that opens when
 * half the calls of the last 10 s failed, once there were at least 20.
 */
export const DEFAULT_SUBGRAPH_CLIENT_SETTINGS: SubgraphClientSettings = {
  timeoutMs: 3_000,
  retries: 2,
  backoffMs: 50,
  concurrency: 64,
  queue: 1_000,
  breakerThreshold: 0.5,
  breakerMinCalls: 20,
  breakerWindowMs: 10_000,
  breakerResetMs: 10_000,
};
