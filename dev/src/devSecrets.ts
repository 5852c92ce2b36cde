import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { type Env, MIN_SECRET_BYTES, writeFileAtomic } from '@bff/kit/core';

/** The secrets the services read: JWTs, the gateway's internal signature, cursors. */
const SECRET_NAMES = ['JWT_SECRET', 'INTERNAL_SIGNING_SECRET', 'CURSOR_SECRET'] as const;

export type DevSecretName = (typeof SECRET_NAMES)[number];

/**
 * Local secrets for `npm start`, made once and kept in the data folder so that
 * logins and cursors survive a restart; one missing from an older file is added.
 * Returns the variables to give the services: a value already in `env` wins.
 */
export async function devSecrets(dataDir: string, env: Env): Promise<Record<DevSecretName, string>> {
  const file = join(dataDir, 'secrets.json');
  let secrets: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) secrets = parsed as Record<string, unknown>;
  } catch {
    // Absent or damaged: made again below.
  }
  const usable = (value: unknown) => typeof value === 'string' && Buffer.byteLength(value) >= MIN_SECRET_BYTES;
  const missing = SECRET_NAMES.filter((name) => !usable(secrets[name]));
  if (missing.length) {
    for (const name of missing) secrets[name] = randomBytes(MIN_SECRET_BYTES).toString('base64url');
    await writeFileAtomic(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  }
  // An empty variable counts as unset, as everywhere in the configuration.
  return Object.fromEntries(SECRET_NAMES.map((name) => [name, env[name] || (secrets[name] as string)])) as Record<DevSecretName, string>;
}
