import { setTimeout as sleep } from 'node:timers/promises';

import { ExponentialBackoff, handleWhenResult, retry } from 'cockatiel';

import { CLIENT_TIMEOUT, type ClassifiedAnswer, NETWORK_ERROR } from './classifyAnswer';

/**
 * How a writer retries one logical write, always with its one Idempotency-Key:
 * until an answer is definite, for at most `attempts` attempts and no new
 * attempt later than `giveUpAfterMs` after the first. The budget outlasts what
 * the scenarios do to the system: comments away for a third of the run and its
 * breaker's reset after, or npm start stopped and started again, and an
 * idempotency record that a stop left "in progress" for up to 30 s.
 */
export const WRITE_RETRY = {
  /** Attempts in all, the first included. */
  attempts: 40,
  /** Backoff before the second attempt; it doubles up to `maxBackoffMs`, with decorrelated jitter (cockatiel's default). */
  firstBackoffMs: 100,
  maxBackoffMs: 2_000,
  giveUpAfterMs: 90_000,
  /** How long a writer waits for an answer before it counts as none (CLIENT_TIMEOUT) and tries again. */
  attemptTimeoutMs: 10_000,
} as const;

/** One attempt's answer, as the retry decides on it. */
export interface AttemptAnswer {
  /** The HTTP status; 0 when no answer came. */
  status: number;
  answer: ClassifiedAnswer;
  /** The id the answer acknowledged; absent when it did not. */
  acknowledgedId?: string;
  /** How long the answer asked to wait before trying again (`Retry-After`, `retryAfterSeconds`). */
  retryAfterMs?: number;
}

/** Codes after which nothing was done and the same request may well succeed in a moment. */
const TRANSIENT_CODES: ReadonlySet<string> = new Set(['REQUEST_IN_PROGRESS', 'SERVICE_UNAVAILABLE', 'TOO_MANY_REQUESTS', 'GATEWAY_OVERLOADED']);
/** Statuses of an answer that is not the gateway's GraphQL: an API Gateway's or a proxy's, or a limit. */
const RETRY_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);
/** Codes that say the request was refused before it could change anything. */
const REFUSED_CODES: ReadonlySet<string> = new Set([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'PAYLOAD_TOO_LARGE',
  'QUERY_TOO_COSTLY',
  ...TRANSIENT_CODES,
]);

/**
 * Why an attempt's answer is worth sending again with the same key (its answer
 * key, e.g. `SUBGRAPH_UNAVAILABLE`, or `HTTP 503`), or undefined when it is
 * definite: acknowledged, or refused for good (BAD_USER_INPUT, NOT_FOUND, …).
 * Retried: no answer (NETWORK_ERROR, CLIENT_TIMEOUT); an error the gateway marks
 * `retryable` or `outcome: "unknown"`; any SUBGRAPH_* code; REQUEST_IN_PROGRESS,
 * SERVICE_UNAVAILABLE, TOO_MANY_REQUESTS, GATEWAY_OVERLOADED (nothing was done);
 * HTTP 429, 502, 503, 504.
 */
export function retryReason({ status, answer, acknowledgedId }: AttemptAnswer): string | undefined {
  if (acknowledgedId !== undefined) return undefined;
  if (answer.key === NETWORK_ERROR || answer.key === CLIENT_TIMEOUT) return answer.key;
  const transient = answer.codes.some((code) => code.startsWith('SUBGRAPH_') || TRANSIENT_CODES.has(code));
  if (answer.retryable || answer.writeOutcome === 'unknown' || transient) return answer.key;
  if (RETRY_STATUSES.has(status)) return answer.codes.length && answer.key !== 'NO_CODE' ? answer.key : `HTTP ${status}`;
  return undefined;
}

/**
 * Whether the attempt may have changed something: acknowledged, or an answer
 * that does not rule it out (a timeout, a cut connection, `outcome: "unknown"`,
 * an internal error). Not when the connection was refused, the gateway says
 * `not_applied`, or every error is a refusal.
 */
export function mayHaveApplied({ answer, acknowledgedId }: AttemptAnswer): boolean {
  if (acknowledgedId !== undefined) return true;
  if (answer.writeOutcome) return answer.writeOutcome !== 'not_applied';
  if (answer.key === NETWORK_ERROR || answer.key === CLIENT_TIMEOUT) return true;
  return !(answer.codes.length > 0 && answer.codes.every((code) => REFUSED_CODES.has(code)));
}

/**
 * Sends one logical write with cockatiel's retry policy: `send` makes attempt
 * number `attempt` (1 first; the same request and key every time), and is
 * called again, after a backoff and any `Retry-After`, while `retryReason`
 * names a reason and the budget lasts. Returns every attempt's answer, the
 * last one decisive.
 */
export async function sendWithRetries(send: (attempt: number) => Promise<AttemptAnswer>): Promise<AttemptAnswer[]> {
  const attempts: AttemptAnswer[] = [];
  const giveUpAt = performance.now() + WRITE_RETRY.giveUpAfterMs;
  let notBefore = 0;
  const policy = retry(
    handleWhenResult((result) => retryReason(result as AttemptAnswer) !== undefined && performance.now() < giveUpAt),
    {
      maxAttempts: WRITE_RETRY.attempts - 1,
      backoff: new ExponentialBackoff({ initialDelay: WRITE_RETRY.firstBackoffMs, maxDelay: WRITE_RETRY.maxBackoffMs }),
    },
  );
  await policy.execute(async () => {
    // A wait the answer asked for, past the backoff already waited.
    const wait = notBefore - performance.now();
    if (wait > 0) await sleep(wait);
    const attempt = await send(attempts.length + 1);
    attempts.push(attempt);
    notBefore = attempt.retryAfterMs ? performance.now() + attempt.retryAfterMs : 0;
    return attempt;
  });
  return attempts;
}
