import { type FailedCall, type SubgraphError, subgraphErrorExtensions } from '@bff/kit/client';

/**
 * A failed subgraph call told in GraphQL's own terms: errors that name the
 * service and the code (nothing internal: the reason went to the log line).
 * Both engines read it like any subgraph answer, so the fields that subgraph
 * owns come back null with this error and the rest of the data is returned.
 */
export function subgraphFailureBody(error: SubgraphError, call: FailedCall): { data: null; errors: { message: string; extensions: Record<string, unknown> }[] } {
  return { data: null, errors: [{ message: error.publicMessage, extensions: subgraphErrorExtensions(error, call) }] };
}
