import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { GraphQLError } from 'graphql';

import { ErrorCode } from '../catalogue/errorCodes';
import type { RequestIdentity } from '../createLambdaGraphQLHandler';
import { eventBody } from '../eventBody';
import type { Logger } from '../logger';
import { INTERNAL_HEADER, InternalSignatureError, NonceCache, verifyInternalCall } from './internalSignature';
import type { Secrets } from './secrets';

export interface GatewaySignatureCheckOptions {
  /** Holds the internal signing key. */
  secrets: Pick<Secrets, 'authSecrets'>;
  /** Where a refused call is logged (a warning: it is either a misconfiguration or an attack). */
  logger: Logger;
}

/** The answer to a call the gateway did not sign: 401, with the message tests and operators know. */
export const UNSIGNED_CALL_MESSAGE = 'This service answers only calls signed by the gateway.';

/**
 * A subgraph's identify step: who is calling, and from where, read from the
 * gateway's signed internal header, never from the frontend's token or the
 * request's own headers. Every operation, `_service` and `_entities` included,
 * needs the signature: a call without a valid one is refused with 401
 * UNAUTHENTICATED before any of it runs.
 *
 * A step rather than an Apollo Server plugin: the signature covers the exact
 * bytes of the body, which only the Lambda event holds (a plugin sees the parsed
 * body), and no plugin hook runs before the context is built, which is where the
 * caller must come from. So the handler composes it as its `identify` step, and
 * the caller, source address and idempotency key reach resolvers in the context.
 */
export function gatewaySignatureCheck({ secrets, logger }: GatewaySignatureCheckOptions): (event: APIGatewayProxyEventV2) => Promise<RequestIdentity> {
  // Per handler: a signature seen before by this Lambda instance is a replay.
  const nonces = new NonceCache();
  return async (event) => {
    const { internalSigningSecret } = await secrets.authSecrets();
    try {
      const call = verifyInternalCall(event.headers?.[INTERNAL_HEADER], eventBody(event), internalSigningSecret, nonces);
      return {
        caller: call.caller,
        // A signer that knows the client (the gateway) signs its address; a service calling another does not.
        sourceIp: call.sourceIp ?? event.requestContext.http.sourceIp,
        ...(call.idempotencyKey === undefined ? {} : { idempotencyKey: call.idempotencyKey }),
      };
    } catch (error) {
      if (!(error instanceof InternalSignatureError)) throw error;
      logger.warn('Refused a call without a valid gateway signature', { reason: error.message, sourceIp: event.requestContext.http.sourceIp });
      throw new GraphQLError(UNSIGNED_CALL_MESSAGE, { extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } } });
    }
  };
}
