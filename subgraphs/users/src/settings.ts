import { SERVICES } from '@bff/kit/catalogue';
import { type Env, envVar, parseEnv } from '@bff/kit/core';
import { z } from 'zod';

import type { LoginLimits } from './service/loginLimits';

const { table, idempotencyTable } = SERVICES.users;

/** The users table and its idempotency table, by the catalogue's variable names (set by the stack; defaults locally). */
const tablesEnvSchema = z.object({
  [table.env]: envVar.string(table.defaultName),
  [idempotencyTable.env]: envVar.string(idempotencyTable.defaultName),
});

/** The users Lambda's other variables: each one, its default and what it means. */
export const usersEnvSchema = z.object({
  /** Where DynamoDB is: unset in AWS; the local store's URL locally and in tests. */
  DYNAMODB_ENDPOINT: envVar.optionalString(),
  /** Failed logins per account (by email, known or not) per window: online guessing of one password stays slow. */
  LOGIN_MAX_FAILURES_PER_ACCOUNT: envVar.int(10, 1),
  /** Login attempts per source network per window: one client cannot keep the service busy hashing (scrypt). */
  LOGIN_MAX_ATTEMPTS_PER_IP: envVar.int(100, 1),
  /** The fixed window both login limits count in. */
  LOGIN_LIMIT_WINDOW_SECONDS: envVar.int(900, 1),
});

/** What the users subgraph runs with. */
export interface UsersSettings {
  tableName: string;
  idempotencyTableName: string;
  /** The local store's URL; undefined in AWS. */
  dynamoEndpoint: string | undefined;
  loginLimits: LoginLimits;
}

/** Reads the users Lambda's settings from its environment (the entry passes `process.env`, once); a bad value throws naming it. */
export function usersSettings(env: Env): UsersSettings {
  const tables = parseEnv(tablesEnvSchema, env);
  const own = parseEnv(usersEnvSchema, env);
  return {
    tableName: tables[table.env] ?? table.defaultName,
    idempotencyTableName: tables[idempotencyTable.env] ?? idempotencyTable.defaultName,
    dynamoEndpoint: own.DYNAMODB_ENDPOINT,
    loginLimits: {
      perAccount: own.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      perSourceIp: own.LOGIN_MAX_ATTEMPTS_PER_IP,
      windowSeconds: own.LOGIN_LIMIT_WINDOW_SECONDS,
    },
  };
}
