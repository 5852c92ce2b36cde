import { SERVICES } from '@bff/kit/catalogue';
import { type Env, envVar, parseEnv, type RuntimeSettings, runtimeEnvSchema, runtimeSettings } from '@bff/kit/core';
import { z } from 'zod';

import type { LoginLimits } from './service/loginLimits';

const { table, idempotencyTable } = SERVICES.users;

/** The users Lambda's environment: the kit's variables, and its own, each with its default and meaning. */
export const usersEnvSchema = runtimeEnvSchema.extend({
  /** Failed logins per account (by email, known or not) per window: online guessing of one password stays slow. */
  LOGIN_MAX_FAILURES_PER_ACCOUNT: envVar.int(10, 1),
  /** Login attempts per source network per window: one client cannot keep the service busy hashing (scrypt). */
  LOGIN_MAX_ATTEMPTS_PER_IP: envVar.int(100, 1),
  /** The fixed window both login limits count in. */
  LOGIN_LIMIT_WINDOW_SECONDS: envVar.int(900, 1),
});

/** The users service's variables by the catalogue's names: set by its stack, unset locally (then the default names serve). */
const deployedEnvSchema = z.object({
  /** The users table. */
  [table.env]: envVar.optionalString(),
  /** The table of its mutations' idempotency records. */
  [idempotencyTable.env]: envVar.optionalString(),
});

/** What the users subgraph runs with. */
export interface UsersSettings {
  runtime: RuntimeSettings;
  tableName: string;
  idempotencyTableName: string;
  loginLimits: LoginLimits;
  /** The variables production must set (their defaults are local names), each as the environment gave it. */
  productionEnv: Env;
}

/** Reads the users Lambda's settings from its environment (the entry passes `process.env`, once); a bad value throws naming it. */
export function usersSettings(env: Env): UsersSettings {
  const own = parseEnv(usersEnvSchema, env);
  const deployed = parseEnv(deployedEnvSchema, env);
  const tableEnv = deployed[table.env];
  const idempotencyTableEnv = deployed[idempotencyTable.env];
  return {
    runtime: runtimeSettings(own),
    tableName: tableEnv ?? table.defaultName,
    idempotencyTableName: idempotencyTableEnv ?? idempotencyTable.defaultName,
    loginLimits: {
      perAccount: own.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      perSourceIp: own.LOGIN_MAX_ATTEMPTS_PER_IP,
      windowSeconds: own.LOGIN_LIMIT_WINDOW_SECONDS,
    },
    productionEnv: { [table.env]: tableEnv, [idempotencyTable.env]: idempotencyTableEnv },
  };
}
