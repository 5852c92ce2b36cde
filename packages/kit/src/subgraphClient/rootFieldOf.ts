import type { CallIdentity, SubgraphClient } from './subgraphClient';
import { SubgraphError } from './subgraphErrors';

/** A call to another service that gave nothing to use: it did not answer, answered something other than JSON, or answered without data. */
export class NoUsableAnswerError extends Error {
  override readonly name = 'NoUsableAnswerError';
}

/** One operation a service sends another, on behalf of `identity`. */
export interface RootFieldRequest {
  url: string;
  query: string;
  variables: Record<string, unknown>;
  kind: 'query' | 'mutation';
  identity: CallIdentity;
}

/**
 * Sends one operation through the client (signed, timed out, retried as its kind
 * allows, behind the breaker) and gives the value of its one root field, null
 * included. NoUsableAnswerError, saying why, when there is none to give: the
 * caller turns it into its own "that service is unavailable".
 */
export async function rootFieldOf<T>(client: SubgraphClient, { url, query, variables, kind, identity }: RootFieldRequest): Promise<T> {
  let text: string;
  try {
    ({ text } = await client.request({ url, body: JSON.stringify({ query, variables }), kind, identity }));
  } catch (error) {
    if (!(error instanceof SubgraphError)) throw error;
    throw new NoUsableAnswerError(`did not answer (${error.reason})`, { cause: error });
  }
  let body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    body = JSON.parse(text) as typeof body;
  } catch (error) {
    throw new NoUsableAnswerError('answered something other than JSON', { cause: error });
  }
  const value = body.data ? Object.values(body.data)[0] : undefined;
  if (value === undefined) {
    const first = body.errors?.[0];
    throw new NoUsableAnswerError(`answered without data (${first?.extensions?.code ?? 'no code'}: ${first?.message ?? ''})`);
  }
  return value as T;
}
