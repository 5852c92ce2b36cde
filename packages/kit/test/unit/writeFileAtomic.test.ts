import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { temporaryDirectory } from '@bff/test-support';

import { writeFileAtomic } from '../../src';

describe('writeFileAtomic', () => {
  const dir = temporaryDirectory('bff-atomic-', { each: true });

  it('never lets a reader see part of a file, while a writer replaces it again and again', async () => {
    const file = join(dir(), 'registry.json');
    // Large enough that a plain writeFile is seen half-written by a reader polling meanwhile.
    const versions = ['a', 'b', 'c'].map((letter) => JSON.stringify({ subgraphs: letter.repeat(2_000_000) }));
    await writeFileAtomic(file, versions[0]!);
    let writing = true;
    const writer = (async () => {
      for (let round = 0; round < 30; round++) await writeFileAtomic(file, versions[round % versions.length]!);
      writing = false;
    })();
    const seen = new Set<number>();
    let reads = 0;
    while (writing) {
      const text = await readFile(file, 'utf8');
      reads++;
      const index = versions.indexOf(text);
      expect(index).toBeGreaterThanOrEqual(0);
      seen.add(index);
    }
    await writer;
    expect(reads).toBeGreaterThan(0);
    expect(await readdir(dir())).toEqual(['registry.json']);
  });

  it('leaves the old file and no temporary file when the write fails', async () => {
    // A folder in the file's place: the rename over it fails after the temporary file was written.
    const file = join(dir(), 'occupied');
    await mkdir(file);
    await writeFile(join(file, 'inside'), 'old');
    await expect(writeFileAtomic(file, 'new')).rejects.toThrow();
    expect(await readdir(dir())).toEqual(['occupied']);
    expect(await readFile(join(file, 'inside'), 'utf8')).toBe('old');
  });

  it('gives a new file the mode asked for', async () => {
    const file = join(dir(), 'secrets.json');
    await writeFileAtomic(file, '{}', { mode: 0o600 });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });
});
