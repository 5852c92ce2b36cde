import type { GatewayEvent, GatewayPlugin, GatewayResult } from './gatewayPlugin';

/**
 * The request headers a browser may send the gateway: the one list, for the
 * gateway's preflight answers and the API Gateway CORS settings alike.
 */
export const CORS_ALLOWED_HEADERS = [
  'content-type',
  'authorization',
  'idempotency-key',
  'x-correlation-id',
  'apollo-require-preflight',
  'x-apollo-operation-name',
] as const;

/** CORS for the configured origins only; any other origin gets no CORS headers, so browsers refuse it. */
function corsHeaders(origins: readonly string[], event: GatewayEvent): Record<string, string> {
  const origin = event.headers?.origin;
  if (!origin || !origins.includes(origin)) return {};
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-credentials': 'true',
    'access-control-expose-headers': 'x-request-id',
    vary: 'origin',
  };
}

function preflightResponse(origins: readonly string[], event: GatewayEvent): GatewayResult {
  const headers = corsHeaders(origins, event);
  if (!headers['access-control-allow-origin']) return { statusCode: 403, body: '' };
  return {
    statusCode: 204,
    headers: {
      ...headers,
      'access-control-allow-methods': 'GET, POST, OPTIONS',
      'access-control-allow-headers': CORS_ALLOWED_HEADERS.join(', '),
      'access-control-max-age': '600',
    },
  };
}

/**
 * Cross-origin calls from `origins` (CORS_ORIGINS) only: answers preflights,
 * and adds the CORS headers to every answer that passes back through it.
 */
export function cors(origins: readonly string[]): GatewayPlugin {
  return {
    name: 'cors',
    async onEvent(event, next) {
      if (event.requestContext.http.method === 'OPTIONS') return preflightResponse(origins, event);
      const result = await next();
      return { ...result, headers: { ...result.headers, ...corsHeaders(origins, event) } };
    },
  };
}
