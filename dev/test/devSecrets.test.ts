import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { useDevSecrets } from '../src/devSecrets';

const NAMES = ['JWT_SECRET', 'INTERNAL_SIGNING_SECRET', 'CURSOR_SECRET'];

describe('npm start: its own secrets, kept in the data folder', () => {
  const saved = { ...process.env };
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bff-dev-secrets-'));
    for (const name of NAMES) delete process.env[name];
  });
  afterEach(async () => {
    process.env = { ...saved };
    await rm(dir, { recursive: true, force: true });
  });

  const stored = async () => JSON.parse(await readFile(join(dir, 'secrets.json'), 'utf8')) as Record<string, string>;

  it('makes each secret once, readable by this user only, and gives the same ones on the next start', async () => {
    await useDevSecrets(dir);
    const first = await stored();
    expect(Object.keys(first).sort()).toEqual([...NAMES].sort());
    for (const name of NAMES) {
      expect(Buffer.byteLength(first[name]!)).toBeGreaterThanOrEqual(32);
      expect(process.env[name]).toBe(first[name]);
    }
    expect((await stat(join(dir, 'secrets.json'))).mode & 0o777).toBe(0o600);
    for (const name of NAMES) delete process.env[name];
    await useDevSecrets(dir);
    expect(await stored()).toEqual(first);
    for (const name of NAMES) expect(process.env[name]).toBe(first[name]);
  });

  it('adds the cursor key to a file from before it existed, keeping the others (logins survive)', async () => {
    const old = { JWT_SECRET: 'j'.repeat(43), INTERNAL_SIGNING_SECRET: 'i'.repeat(43) };
    await writeFile(join(dir, 'secrets.json'), JSON.stringify(old));
    await useDevSecrets(dir);
    const now = await stored();
    expect(now).toMatchObject(old);
    expect(Buffer.byteLength(now.CURSOR_SECRET!)).toBeGreaterThanOrEqual(32);
    expect(process.env.CURSOR_SECRET).toBe(now.CURSOR_SECRET);
  });

  it('lets a value in the environment win', async () => {
    process.env.JWT_SECRET = 'from-the-environment-0123456789-0123456789';
    await useDevSecrets(dir);
    expect(process.env.JWT_SECRET).toBe('from-the-environment-0123456789-0123456789');
    expect((await stored()).JWT_SECRET).not.toBe(process.env.JWT_SECRET);
  });
});
