import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';

import type { Caller } from './auth/accessToken';
import type { Logger } from './logger';

/** What every resolver, in every service and the gateway, gets about the request. */
export interface RequestContext {
  /** API Gateway's id for this request: returned with masked errors so a log line can be found. */
  requestId: string;
  /** Follows one frontend request through the gateway and every subgraph it calls. */
  correlationId: string;
  /** The service logger with requestId and correlationId on every line. */
  logger: Logger;
  /** The signed-in user, or null for an anonymous request. */
  caller: Caller | null;
  /**
   * The address the frontend client reached the gateway from: at the gateway,
   * API Gateway's sourceIp; in a subgraph, the one the gateway signed (else the
   * direct caller's). For per-client limits, not proof of who is calling.
   */
  sourceIp: string;
  /**
   * The frontend's `Idempotency-Key` for this request, when it sent one: at the
   * gateway, read from the header; in a subgraph, the one the gateway signed (a
   * subgraph never reads the header). Mutations answer a repeat with the first result.
   */
  idempotencyKey?: string;
  /** The Lambda invocation's context: its remaining time bounds work that must finish within it. */
  lambdaContext: Context;
}

export const CORRELATION_HEADER = 'x-correlation-id';

// Bounded so that a caller cannot put arbitrary text into every log line.
const CORRELATION_ID = /^[A-Za-z0-9._:=-]{1,128}$/;

export function createRequestContext(
  logger: Logger,
  event: APIGatewayProxyEventV2,
  lambdaContext: Context,
  caller: Caller | null,
  sourceIp: string,
): RequestContext {
  const requestId = event.requestContext.requestId || lambdaContext.awsRequestId;
  const incoming = event.headers?.[CORRELATION_HEADER];
  const correlationId = incoming && CORRELATION_ID.test(incoming) ? incoming : requestId;
  return {
    requestId,
    correlationId,
    logger: logger.createChild({ persistentKeys: { requestId, correlationId } }),
    caller,
    sourceIp,
    lambdaContext,
  };
}
