import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { writeFileAtomic } from '@bff/kit/core';

/**
 * The last composed supergraph in a file, `<dir>/supergraph.json` holding
 * `{"subgraphsHash","supergraphSdl"}` (the registry's convention), so that a
 * process started again with unchanged subgraphs does not compose. Locally that
 * is `.local/`; in Lambda, `/tmp` lives only as long as one execution environment.
 */
export class SupergraphFileCache {
  readonly file: string;

  constructor(private readonly dir: string) {
    this.file = join(dir, 'supergraph.json');
  }

  /** The cached supergraph SDL for this hash, or undefined (absent, unreadable or for other subgraphs). */
  async read(hash: string): Promise<string | undefined> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch {
      return undefined;
    }
    try {
      const { subgraphsHash, supergraphSdl } = JSON.parse(text) as { subgraphsHash?: unknown; supergraphSdl?: unknown };
      return subgraphsHash === hash && typeof supergraphSdl === 'string' ? supergraphSdl : undefined;
    } catch {
      // A damaged cache is a miss: the gateway composes and writes it again.
      return undefined;
    }
  }

  async write(hash: string, supergraphSdl: string): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    // Another gateway process may be reading it: it must never see half a file.
    await writeFileAtomic(this.file, JSON.stringify({ subgraphsHash: hash, supergraphSdl }));
  }
}
