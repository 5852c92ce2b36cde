import { ErrorCode } from '../catalogue/errorCodes';

/** Codes a client sees when a subgraph could not answer its part of a query. */
export type SubgraphErrorCode = typeof ErrorCode.SUBGRAPH_UNAVAILABLE | typeof ErrorCode.SUBGRAPH_TIMEOUT | typeof ErrorCode.SUBGRAPH_OVERLOADED;

/**
 * Whether a mutation that failed may have been applied: `not_applied` when the
 * call never left (circuit open, shed, refused connection), `unknown` when it
 * may have reached the subgraph (a timeout, a broken connection, a 5xx).
 */
export type WriteOutcome = 'not_applied' | 'unknown';

/**
 * A call to a subgraph that failed. The message names the service only; the
 * low-level `reason` (an address, a status, a socket error) is for the log line.
 */
export abstract class SubgraphError extends Error {
  abstract readonly code: SubgraphErrorCode;
  /** Whether the call reached the subgraph: decides a mutation's outcome. */
  abstract readonly sent: boolean;

  constructor(
    readonly subgraph: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(reason, options);
    this.name = new.target.name;
  }

  /** What the client is told: the service and what happened, nothing internal. */
  abstract get publicMessage(): string;

  /**
   * Set when an earlier attempt of the same call (a retried keyed mutation) may
   * have been applied: whatever the last attempt met, the call's outcome is unknown.
   */
  earlierAttemptMayHaveApplied = false;

  /** For a mutation: whether it may have been applied. */
  outcome(): WriteOutcome {
    return this.sent || this.earlierAttemptMayHaveApplied ? 'unknown' : 'not_applied';
  }
}

/** The subgraph answered 5xx, dropped the connection, or could not be reached. */
export class SubgraphUnavailableError extends SubgraphError {
  readonly code = ErrorCode.SUBGRAPH_UNAVAILABLE;

  constructor(
    subgraph: string,
    reason: string,
    /** Another attempt may succeed: a connection error or a 502/503/504. */
    readonly transient: boolean,
    readonly sent: boolean,
    options?: { cause?: unknown },
  ) {
    super(subgraph, reason, options);
  }

  get publicMessage(): string {
    return `The ${this.subgraph} service is unavailable.`;
  }
}

/** The circuit is open: the subgraph failed too often, so it is not called for a while. */
export class SubgraphCircuitOpenError extends SubgraphError {
  readonly code = ErrorCode.SUBGRAPH_UNAVAILABLE;
  readonly sent = false;

  get publicMessage(): string {
    return `The ${this.subgraph} service is unavailable.`;
  }
}

/** No answer within the call's time limit. */
export class SubgraphTimeoutError extends SubgraphError {
  readonly code = ErrorCode.SUBGRAPH_TIMEOUT;

  constructor(
    subgraph: string,
    reason: string,
    readonly sent: boolean,
    options?: { cause?: unknown },
  ) {
    super(subgraph, reason, options);
  }

  get publicMessage(): string {
    return `The ${this.subgraph} service did not answer in time.`;
  }
}

/**
 * Too much at once: this gateway's queue for the subgraph is full, or the
 * subgraph answered 429. Never counted by the breaker: load is not sickness.
 */
export class SubgraphOverloadedError extends SubgraphError {
  readonly code = ErrorCode.SUBGRAPH_OVERLOADED;

  constructor(
    subgraph: string,
    reason: string,
    readonly sent: boolean,
    /** When the subgraph asked to be left alone for a while (429 Retry-After). */
    readonly retryAfterMs?: number,
  ) {
    super(subgraph, reason);
  }

  get publicMessage(): string {
    return `The ${this.subgraph} service is busy: try again in a moment.`;
  }

  /** Shed here, or refused by the subgraph with 429: this attempt did nothing. */
  override outcome(): WriteOutcome {
    return this.earlierAttemptMayHaveApplied ? 'unknown' : 'not_applied';
  }
}

/** What the client needs to know about the failed call to judge the error. */
export interface FailedCall {
  isMutation: boolean;
  /** The mutation carried an Idempotency-Key: the client may send it again with the same key. */
  idempotent: boolean;
}

/** The `extensions` of the GraphQL error a client sees for a failed subgraph call. */
export function subgraphErrorExtensions(error: SubgraphError, { isMutation, idempotent }: FailedCall): Record<string, unknown> {
  return {
    code: error.code,
    subgraph: error.subgraph,
    ...(error instanceof SubgraphOverloadedError && error.retryAfterMs !== undefined
      ? { retryAfterSeconds: Math.ceil(error.retryAfterMs / 1000) }
      : {}),
    ...(isMutation ? { outcome: error.outcome() } : {}),
    // Whatever happened, the same key makes a second try safe: it returns the first result or runs once.
    ...(isMutation && idempotent ? { retryable: true } : {}),
  };
}
