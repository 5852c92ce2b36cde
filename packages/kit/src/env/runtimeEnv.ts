import { z } from 'zod';

import type { SecretsSettings } from '../auth/secrets';
import { type Env, envVar, parseEnv } from './parseEnv';

/**
 * The variables the kit's own code needs, for every Lambda entry (a service or the
 * gateway). An entry extends this with its own (`runtimeEnvSchema.extend({...})`),
 * parses `process.env` once, and hands `runtimeSettings(env)` to the kit.
 */
export const runtimeEnvSchema = z.object({
  /** `production` turns off introspection and the developer defaults (generated secrets, default table names). */
  NODE_ENV: envVar.string('development'),
  /** The local store's URL (`npm start`, tests); unset in AWS, where the SDK finds DynamoDB itself. */
  DYNAMODB_ENDPOINT: envVar.optionalString(),
  /** The region the APIs are in, for SigV4 (set by Lambda). */
  AWS_REGION: envVar.optionalString(),
  /** SigV4-sign calls to subgraphs: their APIs use IAM authorization in AWS. */
  UPSTREAM_SIGV4: envVar.boolean(false),
  /** How long an access token issued at login lives. */
  ACCESS_TOKEN_TTL_SECONDS: envVar.int(3600, 1),
  /** A Secrets Manager secret (JSON: jwtSecret, internalSigningSecret, cursorSecret); set by the stacks. */
  AUTH_SECRET_ARN: envVar.optionalString(),
  /** How long a read of that secret is used before it is read again: a rotation lands without a cold start. */
  AUTH_SECRET_MAX_AGE_SECONDS: envVar.int(300, 0),
  /** Without AUTH_SECRET_ARN: the JWT key (32 bytes or more; generated per process outside production). */
  JWT_SECRET: envVar.optionalString(),
  /** Without AUTH_SECRET_ARN: the key the gateway signs its calls to subgraphs with. */
  INTERNAL_SIGNING_SECRET: envVar.optionalString(),
  /** Without AUTH_SECRET_ARN: the key list cursors are encrypted with. */
  CURSOR_SECRET: envVar.optionalString(),
});

export type RuntimeEnv = z.output<typeof runtimeEnvSchema>;

/** The name of a variable the kit reads: what a stack setting one can be checked against. */
export type RuntimeEnvName = keyof typeof runtimeEnvSchema.shape;

/** The kit's settings, as the entry parsed them: what kit functions take instead of reading the environment. */
export interface RuntimeSettings {
  /** Outside production: introspection, schema hints and generated secrets are allowed. */
  development: boolean;
  /** The local store's URL; undefined in AWS. */
  dynamoEndpoint?: string;
  awsRegion?: string;
  /** SigV4-sign calls to subgraphs. */
  iamSigning: boolean;
  accessTokenTtlSeconds: number;
  secrets: SecretsSettings;
}

/** The kit's settings from an environment parsed with `runtimeEnvSchema` (or a schema extending it). */
export function runtimeSettings(env: RuntimeEnv): RuntimeSettings {
  const development = env.NODE_ENV !== 'production';
  return {
    development,
    ...(env.DYNAMODB_ENDPOINT === undefined ? {} : { dynamoEndpoint: env.DYNAMODB_ENDPOINT }),
    ...(env.AWS_REGION === undefined ? {} : { awsRegion: env.AWS_REGION }),
    iamSigning: env.UPSTREAM_SIGV4,
    accessTokenTtlSeconds: env.ACCESS_TOKEN_TTL_SECONDS,
    secrets: {
      development,
      ...(env.AUTH_SECRET_ARN === undefined ? {} : { arn: env.AUTH_SECRET_ARN }),
      maxAgeSeconds: env.AUTH_SECRET_MAX_AGE_SECONDS,
      values: {
        ...(env.JWT_SECRET === undefined ? {} : { jwtSecret: env.JWT_SECRET }),
        ...(env.INTERNAL_SIGNING_SECRET === undefined ? {} : { internalSigningSecret: env.INTERNAL_SIGNING_SECRET }),
        ...(env.CURSOR_SECRET === undefined ? {} : { cursorSecret: env.CURSOR_SECRET }),
      },
    },
  };
}

/** Parses `env` with `runtimeEnvSchema` alone: for an entry (or a test) that needs nothing more. */
export function readRuntimeSettings(env: Env): RuntimeSettings {
  return runtimeSettings(parseEnv(runtimeEnvSchema, env));
}
