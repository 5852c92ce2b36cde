/**
 * How a mutation is retried. Each user action sends its mutation with a fresh
 * `Idempotency-Key`, and every retry of that action sends the same key: the
 * services apply a key once and answer its repeats with the first result, so a
 * retry after an answer that never arrived cannot write twice. A new action (a
 * click after the app gave up) is a new key.
 */

import type { ClientErrorCode } from './errorCodes';

/** The header the gateway reads the key from. */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/**
 * Answers after which the same mutation is worth sending again with its key:
 * nothing came back (NETWORK_ERROR), a service did not answer or answered too
 * late (the write may or may not have happened: the key makes the retry safe),
 * the gateway or a service was too busy to start it (…_OVERLOADED: nothing was done),
 * or the first attempt is still running (REQUEST_IN_PROGRESS: the retry gets its result).
 */
export const RETRY_CODES: ReadonlySet<string> = new Set<ClientErrorCode>([
  'NETWORK_ERROR',
  'SUBGRAPH_TIMEOUT',
  'SUBGRAPH_UNAVAILABLE',
  'SUBGRAPH_OVERLOADED',
  'GATEWAY_OVERLOADED',
  'REQUEST_IN_PROGRESS',
]);

/** HTTP statuses of an answer with no GraphQL in it that may be retried (API Gateway's own 502/503/504). */
const RETRY_STATUSES: ReadonlySet<number> = new Set([502, 503, 504]);

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** The wait before the second attempt; each later one doubles it, with jitter. */
  firstBackoffMs: number;
}

/** A few quick tries: about 2 s in all, within what a user waits for a button. */
export const MUTATION_RETRY: RetryPolicy = { attempts: 4, firstBackoffMs: 250 };

/** What one attempt gave: an answer, or a failure to get one. */
export type Attempt<T> = { answer: T } | { error: unknown };

/** A fresh key for one user action: a UUID (browsers offer randomUUID on https and localhost only). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Whether a mutation's answer is worth sending again with the same key: no data,
 * and either the first error's code is one of RETRY_CODES or there is no GraphQL
 * error and the status says the gateway could not be reached.
 */
export function isRetryableAnswer(answer: { status: number; hasData: boolean; errorCodes: (string | undefined)[] }): boolean {
  if (answer.hasData) return false;
  const [first] = answer.errorCodes;
  if (first !== undefined) return RETRY_CODES.has(first);
  return RETRY_STATUSES.has(answer.status);
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `attempt` until what it gives is not `retryable`, or the policy's attempts
 * are used up; then returns that answer (or throws that error). Waits between
 * attempts, doubling from `firstBackoffMs`, with jitter so that many clients
 * failing together do not retry together.
 */
export async function retrying<T>(
  attempt: () => Promise<T>,
  retryable: (outcome: Attempt<T>) => boolean,
  policy: RetryPolicy = MUTATION_RETRY,
): Promise<T> {
  for (let tried = 1; ; tried++) {
    let outcome: Attempt<T>;
    try {
      outcome = { answer: await attempt() };
    } catch (error) {
      outcome = { error };
    }
    if (tried >= policy.attempts || !retryable(outcome)) {
      if ('error' in outcome) throw outcome.error;
      return outcome.answer;
    }
    const backoff = policy.firstBackoffMs * 2 ** (tried - 1);
    await wait(backoff / 2 + Math.random() * backoff);
  }
}
