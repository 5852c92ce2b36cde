/** One subgraph as a registry lists it. */
export interface SubgraphEntry {
  /** Unique name; becomes the subgraph's name in the supergraph. */
  name: string;
  /** The subgraph's GraphQL endpoint. */
  url: string;
  /** Its SDL, when the registry holds it; otherwise it is introspected live (`_service { sdl }`). */
  sdl?: string;
}

/**
 * A supergraph composed elsewhere (CI, another tool), held by the registry:
 * `{"supergraphSdl","subgraphsHash"?}`. With `subgraphsHash` it is a cache, used
 * only while the subgraphs still hash to it; without, it is served as it is.
 */
export interface ComposedSupergraph {
  supergraphSdl: string;
  subgraphsHash?: string;
}

/** Everything a registry holds at one moment. */
export interface RegistrySnapshot {
  subgraphs: SubgraphEntry[];
  supergraph?: ComposedSupergraph;
}

/** Where the gateway finds its subgraphs. */
export interface SubgraphRegistry {
  /** A short description for logs, e.g. `file:/path/registry.json`. */
  readonly source: string;
  list(): Promise<SubgraphEntry[]>;
  /** The subgraphs and any supergraph composed elsewhere; a registry that never holds one may leave this out. */
  read?(): Promise<RegistrySnapshot>;
}

/** The registry could not be read or holds something that is not a list of subgraphs. */
export class RegistryError extends Error {
  override readonly name = 'RegistryError';
}

/** Reads a registry whether or not it implements `read()`. */
export async function readRegistry(registry: SubgraphRegistry): Promise<RegistrySnapshot> {
  return registry.read ? registry.read() : { subgraphs: await registry.list() };
}

const NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** Checks one subgraph entry, `{"name","url","sdl"?}`; `where` names it in errors (a file and index, a parameter). */
export function parseSubgraphEntry(entry: unknown, where: string): SubgraphEntry {
  const { name, url, sdl } = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
  if (typeof name !== 'string' || !NAME.test(name)) {
    throw new RegistryError(`${where}.name must be a name like "users"`);
  }
  if (typeof url !== 'string' || !URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
    throw new RegistryError(`${where}: subgraph "${name}" needs an http(s) url`);
  }
  if (sdl !== undefined && typeof sdl !== 'string') {
    throw new RegistryError(`${where}: subgraph "${name}" has an sdl that is not a string`);
  }
  return sdl === undefined ? { name, url } : { name, url, sdl };
}

/** Checks a composed supergraph, `{"supergraphSdl","subgraphsHash"?}`. */
export function parseComposedSupergraph(value: unknown, where: string): ComposedSupergraph {
  const { supergraphSdl, subgraphsHash } = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  if (typeof supergraphSdl !== 'string' || supergraphSdl.trim() === '') {
    throw new RegistryError(`${where}: expected {"supergraphSdl","subgraphsHash"?} with a non-empty supergraphSdl`);
  }
  if (subgraphsHash !== undefined && typeof subgraphsHash !== 'string') {
    throw new RegistryError(`${where}: subgraphsHash must be a string`);
  }
  return subgraphsHash === undefined ? { supergraphSdl } : { supergraphSdl, subgraphsHash };
}

/** Refuses two entries with one name: the supergraph needs each once. */
export function assertUniqueNames(entries: SubgraphEntry[], source: string): void {
  const names = new Set<string>();
  for (const { name } of entries) {
    if (names.has(name)) throw new RegistryError(`${source}: subgraph "${name}" is listed twice`);
    names.add(name);
  }
}

/** Checks a parsed registry document: `{"subgraphs":[{"name","url","sdl"?}], "supergraph"?: {"supergraphSdl","subgraphsHash"?}}`. */
export function parseRegistrySnapshot(document: unknown, source: string): RegistrySnapshot {
  const { subgraphs, supergraph } = (typeof document === 'object' && document !== null ? document : {}) as Record<string, unknown>;
  if (!Array.isArray(subgraphs)) {
    throw new RegistryError(`${source}: expected {"subgraphs":[{"name","url"}]}`);
  }
  const entries = subgraphs.map((entry: unknown, index) => parseSubgraphEntry(entry, `${source}: subgraphs[${index}]`));
  assertUniqueNames(entries, source);
  return supergraph === undefined ? { subgraphs: entries } : { subgraphs: entries, supergraph: parseComposedSupergraph(supergraph, `${source}: supergraph`) };
}
