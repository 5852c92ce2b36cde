import { createHash } from 'node:crypto';

/**
 * A subgraph schema as `buildSubgraphSchema` makes it, printed to SDL: its own
 * types with the federation additions (`_service`, `_entities`, `_Any`,
 * `_Entity`, the federation directives). It is both what `_service { sdl }`
 * answers and an executable schema's SDL, so that a Lambda can rebuild the
 * schema from it with graphql-js alone, without @apollo/federation-internals.
 */
export interface PreparedSubgraphSchema {
  /** SHA-256 of the `typeDefs` it was prepared from: a bundle refuses a schema prepared from other SDL. */
  typeDefsSha256: string;
  sdl: string;
}

export function typeDefsSha256(typeDefs: string): string {
  return createHash('sha256').update(typeDefs).digest('hex');
}
