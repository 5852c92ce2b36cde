import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A fresh folder under the system's temporary one for the enclosing `describe`
 * (for each test with `{ each: true }`), removed after it. Call it at describe
 * time; the getter gives the folder once the tests run.
 */
export function temporaryDirectory(prefix: string, { each = false }: { each?: boolean } = {}): () => string {
  let dir: string | undefined;
  (each ? beforeEach : beforeAll)(async () => {
    dir = await mkdtemp(join(tmpdir(), prefix));
  });
  (each ? afterEach : afterAll)(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  return () => {
    if (!dir) throw new Error('The temporary directory exists only while the tests run.');
    return dir;
  };
}
