import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { GraphQLError } from 'graphql';

import { ErrorCode } from '../catalogue/errorCodes';

/**
 * The header a client sends with a mutation it may retry (the IETF draft's and
 * Stripe's name). A header rather than an argument: every mutation, present and
 * future, takes it with no change to its schema or to the frontend's operations.
 */
export const IDEMPOTENCY_HEADER = 'idempotency-key';

// Bounded and plain, so that a key is safe in a signed claim and in a log line; a UUID fits.
const VALID_KEY = /^[A-Za-z0-9_.:-]{1,128}$/;

/**
 * The request's Idempotency-Key, or undefined when it has none. A malformed one
 * is refused (BAD_USER_INPUT, HTTP 400) before anything runs: a key the client
 * meant to send but that cannot be used must not turn a retry into a duplicate.
 */
export function idempotencyKeyOf(event: APIGatewayProxyEventV2): string | undefined {
  const key = event.headers?.[IDEMPOTENCY_HEADER];
  if (key === undefined) return undefined;
  if (!VALID_KEY.test(key)) {
    throw new GraphQLError('The Idempotency-Key header must be 1 to 128 characters of A-Z, a-z, 0-9, "_", ".", ":" or "-" (a UUID will do).', {
      extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } },
    });
  }
  return key;
}
