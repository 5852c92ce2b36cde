import { envOptional, isDevelopment } from './config';
import type { Env } from './env/parseEnv';

/** What a Lambda needs before it can answer a request. */
export interface RequiredSettings {
  /** Production refuses developer defaults (TRANSITION: from NODE_ENV when absent). */
  development?: boolean;
  /** The environment the entry parsed, where `productionEnv` is looked for (TRANSITION: `process.env` when absent). */
  env?: Env;
  /**
   * Variables that must be set in production, where a developer default (a table
   * named `users`, a generated secret) would be wrong. A list means one of them.
   */
  productionEnv?: (string | readonly string[])[];
  /** Load the secrets the Lambda uses; a rejection says which one is missing or too short. */
  secrets?: (() => Promise<unknown>)[];
  /** Reads the Lambda's other settings, in every environment; a throw names the one that is wrong. */
  validate?: () => void;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Each problem with the settings, as a phrase for the log; none when the Lambda can run. */
export async function settingsProblems(required: RequiredSettings): Promise<string[]> {
  const problems: string[] = [];
  // TRANSITION: remove the fallbacks when callers pass settings.
  const { development = isDevelopment(), env } = required;
  const isSet = (name: string) => (env ? env[name] !== undefined && env[name] !== '' : envOptional(name) !== undefined);
  if (!development) {
    for (const names of required.productionEnv ?? []) {
      const oneOf = typeof names === 'string' ? [names] : names;
      if (!oneOf.some(isSet)) problems.push(`${oneOf.join(' or ')} must be set in production`);
    }
  }
  for (const load of required.secrets ?? []) {
    await load().catch((error: unknown) => problems.push(messageOf(error)));
  }
  try {
    required.validate?.();
  } catch (error) {
    problems.push(messageOf(error));
  }
  return [...new Set(problems)];
}
