import { createHash } from 'node:crypto';

import type { SubgraphDefinition } from './composeSupergraph';

/**
 * The composition cache key: a SHA-256 over the subgraphs' names, urls and SDLs,
 * in name order (the registry's order does not change the supergraph's meaning).
 * A tool that composes elsewhere records this hash next to its supergraph.
 */
export function subgraphsHash(subgraphs: SubgraphDefinition[]): string {
  const canonical = [...subgraphs]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map(({ name, url, sdl }) => [name, url, sdl]);
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}
