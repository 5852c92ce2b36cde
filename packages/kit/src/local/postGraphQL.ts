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
  const body = JSON.stringify({ query, variables });
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

