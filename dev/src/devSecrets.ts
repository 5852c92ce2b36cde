import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Local secrets for `npm start`, made once and kept in the data folder so that
 * a login survives a restart. Values already in the environment win.
 */
export function useDevSecrets(dataDir: string): void {
  const file = join(dataDir, 'secrets.json');
  let secrets: Record<string, string>;
  try {
    secrets = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  } catch {
    secrets = {
      JWT_SECRET: randomBytes(32).toString('base64url'),
      INTERNAL_SIGNING_SECRET: randomBytes(32).toString('base64url'),
    };
    writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  }
  for (const [name, value] of Object.entries(secrets)) process.env[name] ??= value;
}
