import type { ApiError } from './client';

/** What a screen may say instead of the default for a code (e.g. the login form for UNAUTHENTICATED). */
export type MessageOverrides = Partial<Record<string, string>>;

const UNAVAILABLE = 'The service is unavailable right now. Try again in a moment.';

/**
 * Messages by `extensions.code`. The codes come from packages/kit/src/errors.ts (what the
 * services throw), the gateway (subgraph failures, not ready, limits, trusted documents) and
 * this client (NETWORK_ERROR, TOO_MANY_REQUESTS for API Gateway's throttling answer).
 */
const MESSAGES: Partial<Record<string, string>> = {
  UNAUTHENTICATED: 'You are not logged in, or your login has expired. Log in and try again.',
  FORBIDDEN: 'You are not allowed to do that.',
  NOT_FOUND: 'Not found: it may have been deleted.',
  SERVICE_UNAVAILABLE: UNAVAILABLE,
  SUBGRAPH_UNAVAILABLE: UNAVAILABLE,
  SUBGRAPH_TIMEOUT: UNAVAILABLE,
  GATEWAY_NOT_READY: UNAVAILABLE,
  NETWORK_ERROR: UNAVAILABLE,
  TOO_MANY_REQUESTS: 'Too many requests right now. Wait a moment and try again.',
  PAYLOAD_TOO_LARGE: 'That is too long to send.',
  OPERATION_NOT_TRUSTED: 'This version of the app is out of date. Reload the page and try again.',
};

/**
 * The message to show for a failed request. BAD_USER_INPUT carries the server's message, which
 * is written for users (e.g. "Title must be 1 to 200 characters.", "An account with this email
 * exists already.", "Password must be 8 to 128 characters.").
 */
export function errorMessage(error: ApiError, overrides: MessageOverrides = {}): string {
  const override = overrides[error.code];
  if (override !== undefined) return override;
  if (error.code === 'BAD_USER_INPUT') return error.message;
  return MESSAGES[error.code] ?? `Something went wrong (${error.code}).`;
}
