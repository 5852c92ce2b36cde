import { type AuthSecrets, Secrets } from './auth/secrets';
import { readRuntimeSettings, type RuntimeSettings } from './env/runtimeEnv';

/**
 * DEPRECATED: the environment read below the entries, as it was before entries
 * parsed it once (`parseEnv` with `runtimeEnvSchema`). Kept only so that callers
 * not yet passing settings keep working; every use is marked TRANSITION, and this
 * file goes once none is left. The only kit module that reads `process.env`.
 */
export function envString(name: string, fallback: string): string {
  const value = process.env[name];
  return value === undefined || value === '' ? fallback : value;
}

export function envOptional(name: string): string | undefined {
  const value = process.env[name];
  return value === undefined || value === '' ? undefined : value;
}

export function envInt(name: string, fallback: number): number {
  const raw = envOptional(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value)) throw new Error(`${name} must be an integer, got "${raw}"`);
  return value;
}

/** True outside production: introspection and other developer conveniences are on. */
export function isDevelopment(): boolean {
  return envString('NODE_ENV', 'development') !== 'production';
}

/** Where DynamoDB is: unset in AWS; the local store's URL locally and in tests. */
export function dynamoEndpoint(): string | undefined {
  return envOptional('DYNAMODB_ENDPOINT');
}

/** TRANSITION: remove when callers pass settings. The kit's settings read from the environment now. */
export function environmentRuntimeSettings(): RuntimeSettings {
  return readRuntimeSettings(process.env);
}

let fromEnvironment: { key: string; secrets: Secrets } | undefined;

/** The secrets the environment names now, as one `Secrets` while it names the same ones. */
function currentSecrets(): Secrets {
  const settings = environmentRuntimeSettings().secrets;
  const key = JSON.stringify(settings);
  if (fromEnvironment?.key !== key) fromEnvironment = { key, secrets: new Secrets(settings) };
  return fromEnvironment.secrets;
}

/**
 * TRANSITION: remove when callers pass settings. Secrets that look at the
 * environment on each read, as the kit did before (tests change it as they go).
 */
export function environmentSecrets(): Pick<Secrets, 'authSecrets' | 'cursorSecret'> {
  return { authSecrets: () => currentSecrets().authSecrets(), cursorSecret: () => currentSecrets().cursorSecret() };
}

/** TRANSITION: remove when callers pass settings. Use `Secrets.authSecrets()`. */
export function authSecrets(): Promise<AuthSecrets> {
  return environmentSecrets().authSecrets();
}

/** TRANSITION: remove when callers pass settings. Use `Secrets.cursorSecret()`. */
export function cursorSecret(): Promise<Uint8Array> {
  return environmentSecrets().cursorSecret();
}

/**
 * TRANSITION: remove when callers pass settings. Tells code that still reads
 * DYNAMODB_ENDPOINT where the local store is (the store itself only returns it).
 */
export function exportDynamoEndpoint(endpoint: string): void {
  process.env.DYNAMODB_ENDPOINT = endpoint;
}
