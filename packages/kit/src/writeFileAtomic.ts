import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface WriteFileAtomicOptions {
  /** File permissions of a new file, e.g. 0o600 for secrets. */
  mode?: number;
}

/**
 * Writes `file` so that a reader sees the old content or the new, never a part:
 * the data goes to a temporary file in the same folder, flushed to disk, which is
 * then renamed over `file` (a rename within one file system is atomic). A failed
 * write leaves the old file as it was and no temporary file behind.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array, options: WriteFileAtomicOptions = {}): Promise<void> {
  // Unique per write: two writers racing each rename a whole file of their own.
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, data, { mode: options.mode, flush: true });
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
