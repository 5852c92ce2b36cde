/** What a subgraph request does: only queries may be sent twice. */
export type OperationKind = 'query' | 'mutation';

/**
 * The kind of a GraphQL request body as the engines print it: the operation's
 * keyword first (an anonymous `{ … }` is a query). Only the first characters are
 * looked at, so this costs nothing on large bodies.
 */
export function operationKindOf(query: string): OperationKind {
  return /^\s*mutation\b/.test(query.slice(0, 64)) ? 'mutation' : 'query';
}
