import { signInternalHeaders } from '../auth/signInternalHeaders';

/** A GraphQL response as the client sees it, with the HTTP status and headers. */
export interface GraphQLHttpResult<TData = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: {
    data?: TData | null;
    errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  };
}

/** POSTs one GraphQL operation as JSON: the way tests, scripts and benchmarks call the system. */
export async function postGraphQL<TData = Record<string, unknown>>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphQLHttpResult<TData>> {
  return sendGraphQL<TData>(url, JSON.stringify({ query, variables }), headers);
}

async function sendGraphQL<TData>(url: string, body: string, headers: Record<string, string>): Promise<GraphQLHttpResult<TData>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const text = await response.text();
  try {
    return { status: response.status, headers: response.headers, body: JSON.parse(text) as GraphQLHttpResult<TData>['body'] };
  } catch {
    throw new Error(`Expected a JSON GraphQL response from ${url}, got HTTP ${response.status}: ${text.slice(0, 200)}`);
  }
}

/**
 * POSTs an operation straight to a subgraph, signed as the gateway signs, for
 * `userId` or anonymously: how tests talk to a subgraph without a gateway.
 */
export async function postSignedGraphQL<TData = Record<string, unknown>>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  userId?: string | null,
): Promise<GraphQLHttpResult<TData>> {
  const body = JSON.stringify({ query, variables });
  const signature = await signInternalHeaders(body, userId ? { userId } : null, 'test-request');
  return sendGraphQL<TData>(url, body, signature);
}
