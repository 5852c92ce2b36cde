import { randomBytes } from 'node:crypto';

import { envOptional, isDevelopment } from '../config';

/** Key material shared by the services: JWT signing and the gateway's internal signature. */
export interface AuthSecrets {
  jwtSecret: Uint8Array;
  internalSigningSecret: Uint8Array;
}

/** Secrets must be long enough for HMAC-SHA256 and AES-256 to be worth their name. */
export const MIN_SECRET_BYTES = 32;

/** Each secret by its key in the Secrets Manager secret's JSON, with its environment variable. */
const ENV_NAMES = {
  jwtSecret: 'JWT_SECRET',
  internalSigningSecret: 'INTERNAL_SIGNING_SECRET',
  cursorSecret: 'CURSOR_SECRET',
} as const;

type SecretName = keyof typeof ENV_NAMES;

/** A secret that is missing or too short: what a Lambda reports as its misconfiguration. */
export class SecretConfigurationError extends Error {
  override readonly name = 'SecretConfigurationError';
}

const generated: Partial<Record<SecretName, Uint8Array>> = {};

// Secrets are read on every signed call and every request: encode each value once, and keep its identity.
const encoded = new Map<string, Uint8Array>();

function bytesOf(value: string, tooShort: () => string): Uint8Array {
  let bytes = encoded.get(value);
  if (!bytes) {
    bytes = new TextEncoder().encode(value);
    if (bytes.length < MIN_SECRET_BYTES) throw new SecretConfigurationError(tooShort());
    encoded.set(value, bytes);
  }
  return bytes;
}

let fromSecretsManager: { arn: string; json: Promise<Record<string, unknown>> } | undefined;

/** The JSON secret the shared stack creates: `{"jwtSecret", "internalSigningSecret", "cursorSecret"}`. */
async function readSecret(arn: string): Promise<Record<string, unknown>> {
  // Loaded only where a secret ARN is configured: local runs and tests never touch the SDK client.
  const { SecretsManagerClient, GetSecretValueCommand } = await import('@aws-sdk/client-secrets-manager');
  const { SecretString } = await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: arn }));
  let parsed: unknown;
  try {
    parsed = JSON.parse(SecretString ?? '{}');
  } catch {
    // Not the parser's message: it quotes the text, which is key material, and this one is logged.
    parsed = undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) throw new SecretConfigurationError(`The secret ${arn} is not a JSON object`);
  return parsed as Record<string, unknown>;
}

/** The secret AUTH_SECRET_ARN names, read once per Lambda instance; a failed read is tried again on the next call. */
function secretJson(arn: string): Promise<Record<string, unknown>> {
  if (fromSecretsManager?.arn !== arn) {
    const json = readSecret(arn);
    fromSecretsManager = { arn, json };
    json.catch(() => {
      if (fromSecretsManager?.json === json) fromSecretsManager = undefined;
    });
  }
  return fromSecretsManager.json;
}

/**
 * Named secrets: from the Secrets Manager secret AUTH_SECRET_ARN when it is set,
 * else from their environment variables. Outside production a missing one is
 * generated once per process (`npm start` keeps its own in `.local/` so that
 * logins and cursors survive a restart); in production it is an error, as is
 * one shorter than MIN_SECRET_BYTES anywhere.
 */
async function secrets<N extends SecretName>(names: readonly N[]): Promise<Record<N, Uint8Array>> {
  const arn = envOptional('AUTH_SECRET_ARN');
  if (arn) {
    const json = await secretJson(arn);
    try {
      const entries = names.map((name) => {
        const value = json[name];
        const problem = () => `The secret ${arn} needs a "${name}" of at least ${MIN_SECRET_BYTES} bytes`;
        if (typeof value !== 'string') throw new SecretConfigurationError(problem());
        return [name, bytesOf(value, problem)] as const;
      });
      return Object.fromEntries(entries) as Record<N, Uint8Array>;
    } catch (error) {
      // Read again next time: once the secret is put right, the Lambda recovers without a redeploy.
      if (fromSecretsManager?.arn === arn) fromSecretsManager = undefined;
      throw error;
    }
  }
  const missing = names.filter((name) => envOptional(ENV_NAMES[name]) === undefined);
  if (missing.length && !isDevelopment()) {
    throw new SecretConfigurationError(
      `${missing.map((name) => ENV_NAMES[name]).join(' and ')} must be set in production (or AUTH_SECRET_ARN, a Secrets Manager secret holding them)`,
    );
  }
  const entries = names.map((name) => {
    const value = envOptional(ENV_NAMES[name]);
    if (value === undefined) return [name, (generated[name] ??= randomBytes(MIN_SECRET_BYTES))] as const;
    return [name, bytesOf(value, () => `${ENV_NAMES[name]} must be at least ${MIN_SECRET_BYTES} bytes long`)] as const;
  });
  return Object.fromEntries(entries) as Record<N, Uint8Array>;
}

/** The JWT key and the internal signing key (see `secrets` for where they come from). */
export function authSecrets(): Promise<AuthSecrets> {
  return secrets(['jwtSecret', 'internalSigningSecret'] as const);
}

/**
 * The key cursors are encrypted with: a secret of its own (CURSOR_SECRET, or
 * `cursorSecret` in the Secrets Manager secret), so that rotating the JWT key
 * signs users out without breaking the lists they are paging through.
 */
export async function cursorSecret(): Promise<Uint8Array> {
  return (await secrets(['cursorSecret'] as const)).cursorSecret;
}
