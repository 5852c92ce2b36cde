import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The repository root: the nearest folder above `start` with package-lock.json.
 * The app runs both from source (jest) and bundled into .build/infra, so paths
 * to the service entries are found from the lock file rather than from __dirname.
 */
export function findRepoRoot(start: string = __dirname): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package-lock.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`No package-lock.json above ${start}`);
  }
}
