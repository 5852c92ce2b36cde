import { SERVICES } from '@bff/kit/catalogue';
import { type Env, envVar, parseEnv, type RuntimeSettings, runtimeEnvSchema, runtimeSettings, type ServiceTables, serviceTables } from '@bff/kit/core';

import type { LoginLimits } from './service/loginLimits';

/** The users Lambda's environment: the kit's variables, and its own, each with its default and meaning (its tables: the catalogue's). */
export const usersEnvSchema = runtimeEnvSchema.extend({
  /** Failed logins per account (by email, known or not) per window: online guessing of one password stays slow. */
  LOGIN_MAX_FAILURES_PER_ACCOUNT: envVar.int(10, 1),
  /** Login attempts per source network per window: one client cannot keep the service busy hashing (scrypt). */
  LOGIN_MAX_ATTEMPTS_PER_IP: envVar.int(100, 1),
  /** The fixed window both login limits count in. */
  LOGIN_LIMIT_WINDOW_SECONDS: envVar.int(900, 1),
});

/** What the users subgraph runs with. */
export interface UsersSettings extends ServiceTables {
  runtime: RuntimeSettings;
  loginLimits: LoginLimits;
}

/** Reads the users Lambda's settings from its environment (the entry passes `process.env`, once); a bad value throws naming it. */
export function usersSettings(env: Env): UsersSettings {
  const own = parseEnv(usersEnvSchema, env);
  return {
    runtime: runtimeSettings(own),
    ...serviceTables(SERVICES.users, env),
    loginLimits: {
      perAccount: own.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      perSourceIp: own.LOGIN_MAX_ATTEMPTS_PER_IP,
      windowSeconds: own.LOGIN_LIMIT_WINDOW_SECONDS,
    },
  };
}
