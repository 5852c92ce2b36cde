import { type SubgraphError, subgraphErrorExtensions, type SubgraphRequest } from '@bff/kit/client';

/**
 * A failed subgraph call told in GraphQL's own terms: errors that name the
 * service and the code (nothing internal: the reason went to the log line).
 * Both engines read it like any subgraph answer, so the fields that subgraph
 * owns come back null with this error and the rest of the data is returned.
 * Whether the client may send it again depends on the call: a mutation, and with an Idempotency-Key.
 */
export function subgraphFailureBody(
  error: SubgraphError,
  { kind, identity }: Pick<SubgraphRequest, 'kind' | 'identity'>,
): { data: null; errors: { message: string; extensions: Record<string, unknown> }[] } {
  const call = { isMutation: kind === 'mutation', idempotent: identity.idempotencyKey !== undefined };
  return { data: null, errors: [{ message: error.publicMessage, extensions: subgraphErrorExtensions(error, call) }] };
}
