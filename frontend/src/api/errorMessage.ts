import type { ApiError } from './client';
import type { ClientErrorCode } from './errorCodes';

/** What a screen may say instead of the default for a code (e.g. the login form for UNAUTHENTICATED). */
export type MessageOverrides = Partial<Record<ClientErrorCode, string>>;

const UNAVAILABLE = 'The service is unavailable right now. Try again in a moment.';

/** "The comments service", or "A service" when the gateway did not say which. */
const service = (error: ApiError) => (error.details.subgraph ? `The ${error.details.subgraph} service` : 'A service');

/** "in 40 seconds", "in 15 minutes", or "in a moment" when the server gave no time. */
function waitFor(seconds: number | undefined): string {
  if (seconds === undefined || seconds <= 0) return 'in a moment';
  if (seconds < 90) return `in ${Math.ceil(seconds)} ${Math.ceil(seconds) === 1 ? 'second' : 'seconds'}`;
  return `in ${Math.ceil(seconds / 60)} minutes`;
}

/**
 * Messages by `extensions.code` (the kit's catalogue, packages/kit/src/catalogue/errorCodes.ts,
 * and this client's own codes: see errorCodes.ts). SUBGRAPH_* name the service in
 * `extensions.subgraph`; TOO_MANY_REQUESTS is also API Gateway's throttling answer.
 */
const MESSAGES: Partial<Record<ClientErrorCode, string | ((error: ApiError) => string)>> = {
  UNAUTHENTICATED: 'You are not logged in, or your login has expired. Log in and try again.',
  FORBIDDEN: 'You are not allowed to do that.',
  NOT_FOUND: 'Not found: it may have been deleted.',
  SERVICE_UNAVAILABLE: UNAVAILABLE,
  SUBGRAPH_UNAVAILABLE: (error) => `${service(error)} is unavailable right now. Try again in a moment.`,
  SUBGRAPH_TIMEOUT: (error) => `${service(error)} is taking too long to answer. Try again in a moment.`,
  SUBGRAPH_OVERLOADED: (error) => `${service(error)} is too busy right now. Try again in a moment.`,
  GATEWAY_NOT_READY: UNAVAILABLE,
  GATEWAY_OVERLOADED: 'The site is very busy right now. Try again in a moment.',
  NETWORK_ERROR: UNAVAILABLE,
  TOO_MANY_REQUESTS: (error) => `Too many attempts. Try again ${waitFor(error.details.retryAfterSeconds)}.`,
  QUERY_TOO_COSTLY: 'This asks the server for too much at once, and it refused. Try a smaller page.',
  PAYLOAD_TOO_LARGE: 'That is too long to send.',
  OPERATION_NOT_TRUSTED: 'This version of the app is out of date. Reload the page and try again.',
  // Still running after the client's own retries (see mutationRetry.ts): it will be saved once at most.
  REQUEST_IN_PROGRESS: 'This is still being saved. Check again in a moment before trying again.',
};

/**
 * The message to show for a failed request. BAD_USER_INPUT carries the server's message, which
 * is written for users (e.g. "Title must be 1 to 200 characters.", "An account with this email
 * exists already.", "Password must be 8 to 128 characters.").
 */
export function errorMessage(error: ApiError, overrides: MessageOverrides = {}): string {
  const override = overrides[error.code as ClientErrorCode];
  if (override !== undefined) return override;
  if (error.code === 'BAD_USER_INPUT') return error.message;
  const message = MESSAGES[error.code as ClientErrorCode];
  if (message === undefined) return `Something went wrong (${error.code}).`;
  return typeof message === 'string' ? message : message(error);
}
