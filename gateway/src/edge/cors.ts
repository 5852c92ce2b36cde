import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

const ALLOWED_HEADERS = 'content-type, authorization, idempotency-key, x-correlation-id, apollo-require-preflight, x-apollo-operation-name';

/** CORS for the configured origins only; any other origin gets no CORS headers, so browsers refuse it. */
export function corsHeaders(origins: string[], event: APIGatewayProxyEventV2): Record<string, string> {
  const origin = event.headers?.origin;
  if (!origin || !origins.includes(origin)) return {};
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-credentials': 'true',
    'access-control-expose-headers': 'x-request-id',
    vary: 'origin',
  };
}

/** The answer to a preflight request. */
export function preflightResponse(origins: string[], event: APIGatewayProxyEventV2): APIGatewayProxyStructuredResultV2 {
  const headers = corsHeaders(origins, event);
  if (!headers['access-control-allow-origin']) return { statusCode: 403, body: '' };
  return {
    statusCode: 204,
    headers: {
      ...headers,
      'access-control-allow-methods': 'GET, POST, OPTIONS',
      'access-control-allow-headers': ALLOWED_HEADERS,
      'access-control-max-age': '600',
    },
  };
}
