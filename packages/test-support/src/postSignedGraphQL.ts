import { type GraphQLHttpResult, postGraphQL } from '@bff/kit/local';

import { type SignOptions, signedHeaders } from './signedHeaders';

/**
 * POSTs an operation straight to a subgraph, signed as the gateway signs it, for
 * `userId` or anonymously: how tests talk to a subgraph without a gateway.
 */
export async function postSignedGraphQL<TData = Record<string, unknown>>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  userId?: string | null,
  options: Omit<SignOptions, 'caller'> = {},
): Promise<GraphQLHttpResult<TData>> {
  // postGraphQL sends exactly this text, so the signature covers the body that arrives.
  const body = JSON.stringify({ query, variables });
  return postGraphQL<TData>(url, query, variables, await signedHeaders(body, { ...options, caller: userId ? { userId } : null }));
}
