/** Codes a client sees when a subgraph could not answer its part of a query. */
export type SubgraphFailureCode = 'SUBGRAPH_UNAVAILABLE' | 'SUBGRAPH_TIMEOUT';

/**
 * A subgraph failure told in GraphQL's own terms: a response whose errors name
 * the subgraph and the code. Both engines read it like any subgraph answer, so
 * the fields that subgraph owns come back null with this error and the rest of
 * the data is returned.
 */
export function subgraphFailureResponse(subgraph: string, code: SubgraphFailureCode, detail: string): Response {
  const message =
    code === 'SUBGRAPH_TIMEOUT'
      ? `The ${subgraph} service did not answer in time.`
      : `The ${subgraph} service is unavailable (${detail}).`;
  return new Response(JSON.stringify({ data: null, errors: [{ message, extensions: { code, subgraph } }] }), {
    status: 200,
    headers: { 'content-type': 'application/json' },
  });
}
