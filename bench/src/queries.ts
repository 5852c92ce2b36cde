import { randomUUID } from 'node:crypto';

import type { Secrets } from '@bff/kit/core';
import { signedHeaders } from '@bff/test-support';

/** Articles in the whole-system throughput figure's nested query. */
export const THROUGHPUT_ITEMS = 20;

/** The issue's nested query: a page of articles, their authors, their comments and the comments' authors. */
export const nestedQuery = (first: number) =>
  `{ articles(first: ${first}) { nodes { author { name } comments { nodes { author { name } } } } } }`;

/** A query one subgraph (articles) answers alone: the gateway overhead figure sends it both ways. */
export const SINGLE_SUBGRAPH_QUERY = '{ articles(first: 5) { nodes { id title createdAt } } }';

/** A GraphQL response body, loosely. */
export interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** A body and the internal signature a subgraph requires of its callers, made with `secrets` (a fresh nonce each time). */
export async function signedRequest(
  secrets: Pick<Secrets, 'authSecrets'>,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{ body: string; headers: Record<string, string> }> {
  const body = JSON.stringify({ query, variables });
  return { body, headers: { 'content-type': 'application/json', ...(await signedHeaders(body, { secrets, requestId: randomUUID() })) } };
}

/** Errors in a GraphQL body, as one line, or undefined when it has data and no errors. */
export function problemOf(body: GraphQLBody): string | undefined {
  if (body.errors?.length) return body.errors.map((error) => `${error.extensions?.code ?? 'ERROR'}: ${error.message}`).join('; ');
  if (!body.data) return 'no data';
  return undefined;
}
