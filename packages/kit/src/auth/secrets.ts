import { randomBytes } from 'node:crypto';

import { envOptional, isDevelopment } from '../config';

/** Key material shared by the services: JWT signing and the gateway's internal signature. */
export interface AuthSecrets {
  jwtSecret: Uint8Array;
  internalSigningSecret: Uint8Array;
}

/** Secrets must be long enough for HMAC-SHA256 to be worth its name. */
const MIN_SECRET_BYTES = 32;

let devSecrets: AuthSecrets | undefined;

// Secrets are read on every signed call and every request: encode each value once.
const encoded = new Map<string, Uint8Array>();

function fromEnv(name: string): Uint8Array | undefined {
  const value = envOptional(name);
  if (value === undefined) return undefined;
  let bytes = encoded.get(value);
  if (!bytes) {
    bytes = new TextEncoder().encode(value);
    if (bytes.length < MIN_SECRET_BYTES) throw new Error(`${name} must be at least ${MIN_SECRET_BYTES} bytes long`);
    encoded.set(value, bytes);
  }
  return bytes;
}

let fromSecretsManager: { arn: string; secrets: Promise<AuthSecrets> } | undefined;

/** The JSON secret the stacks create: `{"jwtSecret": "...", "internalSigningSecret": "..."}`. */
async function readSecret(arn: string): Promise<AuthSecrets> {
  // Loaded only where a secret ARN is configured: local runs and tests never touch the SDK client.
  const { SecretsManagerClient, GetSecretValueCommand } = await import('@aws-sdk/client-secrets-manager');
  const { SecretString } = await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: arn }));
  const parsed = JSON.parse(SecretString ?? '{}') as Partial<Record<keyof AuthSecrets, unknown>>;
  const bytes = (name: keyof AuthSecrets) => {
    const value = parsed[name];
    if (typeof value !== 'string' || Buffer.byteLength(value) < MIN_SECRET_BYTES) {
      throw new Error(`The secret ${arn} needs a "${name}" of at least ${MIN_SECRET_BYTES} bytes`);
    }
    return new TextEncoder().encode(value);
  };
  return { jwtSecret: bytes('jwtSecret'), internalSigningSecret: bytes('internalSigningSecret') };
}

/**
 * The auth secrets: from the Secrets Manager secret AUTH_SECRET_ARN (read once
 * per Lambda instance; a failed read is tried again on the next call), else
 * from JWT_SECRET and INTERNAL_SIGNING_SECRET. Outside production a missing one
 * is generated once per process (`npm start` keeps its own in `.local/` so that
 * logins survive a restart); in production it is an error.
 */
export function authSecrets(): Promise<AuthSecrets> {
  const arn = envOptional('AUTH_SECRET_ARN');
  if (arn) {
    if (fromSecretsManager?.arn !== arn) {
      const secrets = readSecret(arn);
      fromSecretsManager = { arn, secrets };
      secrets.catch(() => {
        if (fromSecretsManager?.secrets === secrets) fromSecretsManager = undefined;
      });
    }
    return fromSecretsManager.secrets;
  }
  const jwtSecret = fromEnv('JWT_SECRET');
  const internalSigningSecret = fromEnv('INTERNAL_SIGNING_SECRET');
  if (jwtSecret && internalSigningSecret) return Promise.resolve({ jwtSecret, internalSigningSecret });
  if (!isDevelopment()) {
    return Promise.reject(new Error('JWT_SECRET and INTERNAL_SIGNING_SECRET must be set in production'));
  }
  devSecrets ??= { jwtSecret: randomBytes(MIN_SECRET_BYTES), internalSigningSecret: randomBytes(MIN_SECRET_BYTES) };
  return Promise.resolve({
    jwtSecret: jwtSecret ?? devSecrets.jwtSecret,
    internalSigningSecret: internalSigningSecret ?? devSecrets.internalSigningSecret,
  });
}
