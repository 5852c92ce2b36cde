import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { devSecrets } from '../src/devSecrets';

const NAMES = ['JWT_SECRET', 'INTERNAL_SIGNING_SECRET', 'CURSOR_SECRET'];

describe('npm start: its own secrets, kept in the data folder', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bff-dev-secrets-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const stored = async () => JSON.parse(await readFile(join(dir, 'secrets.json'), 'utf8')) as Record<string, string>;

  it('makes each secret once, readable by this user only, and gives the same ones on the next start', async () => {
    const given = await devSecrets(dir, {});
    const first = await stored();
    expect(Object.keys(first).sort()).toEqual([...NAMES].sort());
    for (const name of NAMES) {
      expect(Buffer.byteLength(first[name]!)).toBeGreaterThanOrEqual(32);
      expect(given[name as keyof typeof given]).toBe(first[name]);
    }
    expect((await stat(join(dir, 'secrets.json'))).mode & 0o777).toBe(0o600);
    const again = await devSecrets(dir, {});
    expect(await stored()).toEqual(first);
    expect(again).toEqual(given);
  });

  it('adds the cursor key to a file from before it existed, keeping the others (logins survive)', async () => {
    const old = { JWT_SECRET: 'j'.repeat(43), INTERNAL_SIGNING_SECRET: 'i'.repeat(43) };
    await writeFile(join(dir, 'secrets.json'), JSON.stringify(old));
    const given = await devSecrets(dir, {});
    const now = await stored();
    expect(now).toMatchObject(old);
    expect(Buffer.byteLength(now.CURSOR_SECRET!)).toBeGreaterThanOrEqual(32);
    expect(given).toEqual({ ...old, CURSOR_SECRET: now.CURSOR_SECRET });
  });

  it('lets a value in the environment win, and takes an empty one as unset', async () => {
    const given = await devSecrets(dir, { JWT_SECRET: 'from-the-environment-0123456789-0123456789', CURSOR_SECRET: '' });
    expect(given.JWT_SECRET).toBe('from-the-environment-0123456789-0123456789');
    expect((await stored()).JWT_SECRET).not.toBe(given.JWT_SECRET);
    expect(given.CURSOR_SECRET).toBe((await stored()).CURSOR_SECRET);
  });
});
