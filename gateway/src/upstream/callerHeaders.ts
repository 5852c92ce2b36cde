import { CORRELATION_HEADER, signInternalHeaders } from '@bff/kit';

import type { GatewayContext } from '../gatewayContext';

// Set by the engines from the request context, read and removed by the upstream
// fetch, which signs the exact body it sends: these two never leave the gateway.
const CALLER_HEADER = 'x-bff-gateway-caller';
const REQUEST_HEADER = 'x-bff-gateway-request';

/** What an engine attaches to each subgraph call: who asked, and the correlation id. */
export function callerHeaders(context: Partial<GatewayContext> | undefined): Record<string, string> {
  if (!context?.requestId) return {};
  return {
    [CORRELATION_HEADER]: context.correlationId ?? context.requestId,
    [REQUEST_HEADER]: context.requestId,
    ...(context.caller ? { [CALLER_HEADER]: context.caller.userId } : {}),
  };
}

/**
 * Replaces the engine's caller headers with the gateway's signature over the
 * body. Calls made outside a request (schema loading) are signed as anonymous.
 */
export async function signedHeaders(headers: Record<string, string>, body: string): Promise<Record<string, string>> {
  const { [CALLER_HEADER]: userId, [REQUEST_HEADER]: requestId, ...rest } = headers;
  const signature = await signInternalHeaders(body, userId ? { userId } : null, requestId ?? 'gateway');
  return { ...rest, ...signature };
}
