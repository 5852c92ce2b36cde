import { randomBytes } from 'node:crypto';

import type { SecretsProvider } from '@aws-lambda-powertools/parameters/secrets';

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

export type SecretName = keyof typeof ENV_NAMES;

/** Where the secrets come from (see `runtimeSettings`). */
export interface SecretsSettings {
  /** Outside production a missing secret is generated; in production it is an error. */
  development: boolean;
  /** A Secrets Manager secret holding all three as JSON; when set, `values` are not used. */
  arn?: string;
  /** How long a read of `arn` is used before it is read again (Powertools' `maxAge`), so that a rotation lands. */
  maxAgeSeconds?: number;
  /** The secrets given directly (JWT_SECRET, ...): local runs and tests. */
  values?: Partial<Record<SecretName, string>>;
}

const DEFAULT_SECRET_MAX_AGE_SECONDS = 300;

/** A secret that is missing or too short: what a Lambda reports as its misconfiguration. */
export class SecretConfigurationError extends Error {
  override readonly name = 'SecretConfigurationError';
}

// Per process, not per Secrets: the gateway and the services that `npm start` and the tests run in one
// process must agree on a generated key, as they agree on a configured one.
const generated: Partial<Record<SecretName, Uint8Array>> = {};

// Secrets are read on every signed call and every request: encode each value once, and keep its identity
// (the cursor keys derived from a secret are kept by it).
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

/**
 * The named secrets of one Lambda: from the Secrets Manager secret `arn` when it is
 * set (through Powertools Parameters, cached for `maxAgeSeconds`, so a rotated
 * secret is picked up without a cold start), else from `values`. Outside
 * production a missing one is generated once per process (`npm start` keeps its
 * own in `.local/` so that logins and cursors survive a restart); in production it
 * is an error, as is one shorter than MIN_SECRET_BYTES anywhere. An entry makes one
 * and passes it to whatever signs, verifies or encrypts.
 */
export class Secrets {
  private provider: Promise<SecretsProvider> | undefined;
  /** Set when the secret read last was unusable: the next read skips the cache, so a fix lands at once. */
  private refetch = false;
  /** The last text read and its parse: the cached read is the same text on every call, parsed once. */
  private parsed: { text: string; json: Record<string, unknown> } | undefined;

  constructor(
    private readonly settings: SecretsSettings,
    /** A provider to read through (tests); Powertools' own SecretsProvider by default. */
    provider?: SecretsProvider,
  ) {
    if (provider) this.provider = Promise.resolve(provider);
  }

  /** The JWT key and the internal signing key. */
  authSecrets(): Promise<AuthSecrets> {
    return this.read(['jwtSecret', 'internalSigningSecret'] as const);
  }

  /**
   * The key cursors are encrypted with: a secret of its own (CURSOR_SECRET, or
   * `cursorSecret` in the Secrets Manager secret), so that rotating the JWT key
   * signs users out without breaking the lists they are paging through.
   */
  async cursorSecret(): Promise<Uint8Array> {
    return (await this.read(['cursorSecret'] as const)).cursorSecret;
  }

  private async read<N extends SecretName>(names: readonly N[]): Promise<Record<N, Uint8Array>> {
    const { arn } = this.settings;
    return arn ? this.fromSecretsManager(arn, names) : this.fromValues(names);
  }

  private async fromSecretsManager<N extends SecretName>(arn: string, names: readonly N[]): Promise<Record<N, Uint8Array>> {
    const json = await this.secretJson(arn);
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
      this.refetch = true;
      throw error;
    }
  }

  /** The JSON secret the shared stack creates: `{"jwtSecret", "internalSigningSecret", "cursorSecret"}`. */
  private async secretJson(arn: string): Promise<Record<string, unknown>> {
    // Loaded only where a secret ARN is configured: local runs and tests never load the SDK client.
    this.provider ??= import('@aws-lambda-powertools/parameters/secrets').then(({ SecretsProvider }) => new SecretsProvider());
    const provider = await this.provider;
    const forceFetch = this.refetch;
    this.refetch = false;
    // The text, parsed here rather than by Powertools' `transform`: its error would quote key material into the log.
    const text = await provider.get(arn, { maxAge: this.settings.maxAgeSeconds ?? DEFAULT_SECRET_MAX_AGE_SECONDS, forceFetch });
    const source = typeof text === 'string' ? text : '';
    if (this.parsed?.text === source) return this.parsed.json;
    let parsed: unknown;
    try {
      parsed = JSON.parse(source);
    } catch {
      parsed = undefined;
    }
    if (typeof parsed !== 'object' || parsed === null) {
      this.refetch = true;
      throw new SecretConfigurationError(`The secret ${arn} is not a JSON object`);
    }
    this.parsed = { text: source, json: parsed as Record<string, unknown> };
    return this.parsed.json;
  }

  private fromValues<N extends SecretName>(names: readonly N[]): Record<N, Uint8Array> {
    const values = this.settings.values ?? {};
    const missing = names.filter((name) => values[name] === undefined);
    if (missing.length && !this.settings.development) {
      throw new SecretConfigurationError(
        `${missing.map((name) => ENV_NAMES[name]).join(' and ')} must be set in production (or AUTH_SECRET_ARN, a Secrets Manager secret holding them)`,
      );
    }
    const entries = names.map((name) => {
      const value = values[name];
      if (value === undefined) return [name, (generated[name] ??= randomBytes(MIN_SECRET_BYTES))] as const;
      return [name, bytesOf(value, () => `${ENV_NAMES[name]} must be at least ${MIN_SECRET_BYTES} bytes long`)] as const;
    });
    return Object.fromEntries(entries) as Record<N, Uint8Array>;
  }
}
