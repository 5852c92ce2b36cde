/** One subgraph as a registry lists it. */
export interface SubgraphEntry {
  /** Unique name; becomes the subgraph's name in the supergraph. */
  name: string;
  /** The subgraph's GraphQL endpoint. */
  url: string;
  /** Its SDL, when the registry holds it; otherwise it is introspected live (`_service { sdl }`). */
  sdl?: string;
}

/** Where the gateway finds its subgraphs. */
export interface SubgraphRegistry {
  /** A short description for logs, e.g. `file:/path/registry.json`. */
  readonly source: string;
  list(): Promise<SubgraphEntry[]>;
}

/** The registry could not be read or holds something that is not a list of subgraphs. */
export class RegistryError extends Error {
  override readonly name = 'RegistryError';
}

/** Checks a parsed registry document: `{"subgraphs":[{"name","url","sdl"?}]}`. */
export function parseRegistryDocument(document: unknown, source: string): SubgraphEntry[] {
  const subgraphs = (document as { subgraphs?: unknown } | null)?.subgraphs;
  if (!Array.isArray(subgraphs)) {
    throw new RegistryError(`${source}: expected {"subgraphs":[{"name","url"}]}`);
  }
  const names = new Set<string>();
  return subgraphs.map((entry: unknown, index) => {
    const { name, url, sdl } = (entry ?? {}) as Record<string, unknown>;
    if (typeof name !== 'string' || !/^[A-Za-z][A-Za-z0-9_-]*$/.test(name)) {
      throw new RegistryError(`${source}: subgraphs[${index}].name must be a name like "users"`);
    }
    if (names.has(name)) throw new RegistryError(`${source}: subgraph "${name}" is listed twice`);
    names.add(name);
    if (typeof url !== 'string' || !URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
      throw new RegistryError(`${source}: subgraph "${name}" needs an http(s) url`);
    }
    if (sdl !== undefined && typeof sdl !== 'string') {
      throw new RegistryError(`${source}: subgraph "${name}" has an sdl that is not a string`);
    }
    return sdl === undefined ? { name, url } : { name, url, sdl };
  });
}
