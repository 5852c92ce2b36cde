import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';

import { CLIENT_ERROR_CODES, ErrorCode } from './catalogue/errorCodes';
import { DomainError } from './errors';

export const INTERNAL_MESSAGE = 'Internal server error.';

/** True for an error that the client caused or that was deliberately given a code. */
export function isExpectedError(error: unknown): boolean {
  const original = unwrapResolverError(error);
  if (original instanceof DomainError) return true;
  if (!(original instanceof GraphQLError)) return false;
  const code = original.extensions.code;
  // A GraphQLError wrapping a thrown failure is not part of the API, whatever its code. (A
  // subgraph's error passed on by a gateway may carry its JSON as originalError: that is no failure.)
  const wrapsForeignError = original.originalError instanceof Error && !(original.originalError instanceof GraphQLError);
  return typeof code === 'string' && code !== ErrorCode.INTERNAL_SERVER_ERROR && !wrapsForeignError;
}

/**
 * Apollo Server `formatError`: domain errors get their code and message; errors
 * the client caused keep theirs; anything else is masked as INTERNAL_SERVER_ERROR
 * (it is logged in full by the error-logging plugin). Stack traces never leave.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const where = { locations: formatted.locations, path: formatted.path };
  if (original instanceof DomainError) {
    return { message: original.message, ...where, extensions: original.extensions() };
  }
  const code = formatted.extensions?.code;
  if ((typeof code === 'string' && CLIENT_ERROR_CODES.has(code as ErrorCode)) || isExpectedError(error)) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { message: formatted.message, ...where, extensions };
  }
  return { message: INTERNAL_MESSAGE, ...where, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}
