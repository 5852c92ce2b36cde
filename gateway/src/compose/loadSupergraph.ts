import type { SubgraphRegistry } from '../registry/subgraphRegistry';
import { composeSupergraph } from './composeSupergraph';
import { fetchSubgraphSdl } from './fetchSubgraphSdl';

/** A composed supergraph and what it was made from. */
export interface LoadedSupergraph {
  supergraphSdl: string;
  subgraphs: { name: string; url: string }[];
  /** Time spent composing, in milliseconds. */
  composeMs: number;
}

/**
 * Reads the registry, introspects every subgraph it lists without an SDL (all
 * at once), and composes the supergraph.
 */
export async function loadSupergraph(registry: SubgraphRegistry): Promise<LoadedSupergraph> {
  const entries = await registry.list();
  const subgraphs = await Promise.all(
    entries.map(async (entry) => ({ ...entry, sdl: entry.sdl ?? (await fetchSubgraphSdl(entry)) })),
  );
  const started = performance.now();
  const supergraphSdl = composeSupergraph(subgraphs);
  return {
    supergraphSdl,
    subgraphs: subgraphs.map(({ name, url }) => ({ name, url })),
    composeMs: performance.now() - started,
  };
}
