import type { ErrorCode } from '@bff/kit/errors';

/**
 * The codes this app may see: every `extensions.code` the system answers with (the
 * kit's catalogue, imported as a type only: nothing of the kit is bundled), and the
 * client's own for failures with no GraphQL answer. A code spelt wrong here is a type error.
 */
export type ClientErrorCode =
  | ErrorCode
  /** No answer arrived (offline, DNS, CORS refusal, connection cut). */
  | 'NETWORK_ERROR'
  /** An error thrown in the app itself. */
  | 'CLIENT_ERROR'
  /** A GraphQL error without a code. */
  | 'UNKNOWN_ERROR'
  /** An answer that is not GraphQL (e.g. an HTML error page). */
  | 'BAD_RESPONSE';
