import { type GraphQLHttpResult, postGraphQL } from '@bff/kit/local';

import { type SignOptions, signedHeaders } from './signedHeaders';

/**
 * POSTs an operation straight to a subgraph, signed as the gateway signs it: how
 * tests talk to a subgraph without a gateway. `options.caller` acts as a user.
 */
export async function postSignedGraphQL<TData = Record<string, unknown>>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  options: SignOptions = {},
): Promise<GraphQLHttpResult<TData>> {
  // postGraphQL sends exactly this text, so the signature covers the body that arrives.
  const body = JSON.stringify({ query, variables });
  return postGraphQL<TData>(url, query, variables, await signedHeaders(body, options));
}
