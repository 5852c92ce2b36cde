import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

import { parseRegistrySnapshot, RegistryError, type RegistrySnapshot, type SubgraphEntry, type SubgraphRegistry } from './subgraphRegistry';

/**
 * A registry kept in a local JSON file: `{"subgraphs":[{"name","url","sdl"?}]}`,
 * optionally with `"supergraph": {"supergraphSdl","subgraphsHash"?}` composed elsewhere.
 * The file is read on every call, so edits are picked up.
 */
export class LocalFileRegistry implements SubgraphRegistry {
  readonly source: string;
  private readonly path: string;

  constructor(path: string) {
    this.path = resolve(path);
    this.source = `file:${this.path}`;
  }

  async list(): Promise<SubgraphEntry[]> {
    return (await this.read()).subgraphs;
  }

  async read(): Promise<RegistrySnapshot> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      throw new RegistryError(`${this.source}: cannot read the registry file (${(error as Error).message})`, { cause: error });
    }
    let document: unknown;
    try {
      document = JSON.parse(text);
    } catch (error) {
      throw new RegistryError(`${this.source}: not valid JSON (${(error as Error).message})`, { cause: error });
    }
    return parseRegistrySnapshot(document, this.source);
  }
}
