/**
 * `@bff/kit/errors`: the domain errors that business code throws, and the catalogue
 * of codes. Each error maps to exactly one GraphQL `extensions.code`; nothing here
 * imports GraphQL, Apollo or AWS, so a `service.ts` (and, type-only, the frontend)
 * can import it without loading them.
 */
import { ErrorCode } from './catalogue/errorCodes';

export * from './catalogue/errorCodes';

export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }

  /** What the client gets in `extensions`: the code, and whatever else tells it what to do next. */
  extensions(): Record<string, unknown> {
    return { code: this.code };
  }
}

export class BadUserInputError extends DomainError {
  readonly code = ErrorCode.BAD_USER_INPUT;
}

export class UnauthenticatedError extends DomainError {
  readonly code = ErrorCode.UNAUTHENTICATED;
}

export class ForbiddenError extends DomainError {
  readonly code = ErrorCode.FORBIDDEN;
}

export class NotFoundError extends DomainError {
  readonly code = ErrorCode.NOT_FOUND;
}

/** Another service this one depends on did not answer; nothing was written. */
export class ServiceUnavailableError extends DomainError {
  readonly code = ErrorCode.SERVICE_UNAVAILABLE;

  override extensions(): Record<string, unknown> {
    // Said as a failed gateway call says it, so a client reads both alike.
    return { code: this.code, outcome: 'not_applied' };
  }
}

/** Over a limit (e.g. login attempts); the same request may succeed after `retryAfterSeconds`. */
export class TooManyRequestsError extends DomainError {
  readonly code = ErrorCode.TOO_MANY_REQUESTS;
  /** Whole seconds, at least 1, so a client never retries at once. */
  readonly retryAfterSeconds: number;
  constructor(message: string, retryAfterSeconds: number, options?: { cause?: unknown }) {
    super(message, options);
    this.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterSeconds));
  }

  override extensions(): Record<string, unknown> {
    return { code: this.code, retryAfterSeconds: this.retryAfterSeconds };
  }
}

/**
 * A request with this idempotency key is still running: nothing new was done.
 * Sending it again with the same key, in a moment, gets its result.
 */
export class RequestInProgressError extends DomainError {
  readonly code = ErrorCode.REQUEST_IN_PROGRESS;
  /** Tells the client that trying again (with the same key) is safe and worth it. */
  readonly retryable = true;

  override extensions(): Record<string, unknown> {
    return { code: this.code, retryable: this.retryable };
  }
}
