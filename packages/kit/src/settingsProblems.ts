import type { Env } from './env/parseEnv';

/**
 * Variables that must be set in production, where a developer default (a table
 * named `users`, a generated secret) would be wrong. Checked only outside development.
 */
export interface ProductionEnv {
  /** From the entry's settings: outside production, developer defaults are allowed. */
  development: boolean;
  /** The environment the entry parsed, where the names are looked for. */
  env: Env;
  /** The names; a list means one of them. */
  names: (string | readonly string[])[];
}

/** What a Lambda needs before it can answer a request. */
export interface RequiredSettings {
  productionEnv?: ProductionEnv;
  /** Load the secrets the Lambda uses; a rejection says which one is missing or too short. */
  secrets?: (() => Promise<unknown>)[];
  /** Reads the Lambda's other settings, in every environment; a throw names the one that is wrong. */
  validate?: () => void;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Each problem with the settings, as a phrase for the log; none when the Lambda can run. */
export async function settingsProblems(required: RequiredSettings): Promise<string[]> {
  const problems: string[] = [];
  const production = required.productionEnv;
  if (production && !production.development) {
    const isSet = (name: string) => production.env[name] !== undefined && production.env[name] !== '';
    for (const names of production.names) {
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
