import { z } from 'zod';

/**
 * The one way an entry point reads its environment: a zod schema holds each
 * variable's name, default and meaning, and the entry passes `process.env` in
 * once, at start. Below the entries code receives typed settings, never the
 * environment (ESLint's `no-restricted-properties` forbids `process.env` there).
 */
export type Env = Readonly<Record<string, string | undefined>>;

/** A setting that is wrong stops the start with every problem named, never a half-configured service. */
export class EnvError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid environment:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'EnvError';
  }
}

/** Parses `env` with `schema`. An empty variable counts as unset, as in a shell's `FOO= cmd`. */
export function parseEnv<S extends z.ZodType>(schema: S, env: Env): z.output<S> {
  const present: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) if (value !== undefined && value !== '') present[name] = value;
  const result = schema.safeParse(present);
  if (result.success) return result.data;
  throw new EnvError(
    result.error.issues.map((issue) => {
      const name = issue.path.join('.');
      const got = typeof issue.path[0] === 'string' ? present[issue.path[0]] : undefined;
      return `${name}: ${issue.message}${got === undefined ? '' : ` (got "${got}")`}`;
    }),
  );
}

/** Field builders for env schemas: each takes the default a deployment gets when the variable is unset. */
export const envVar = {
  string: (fallback: string) => z.string().default(fallback),
  optionalString: () => z.string().optional(),
  int: (fallback: number, min = 0) => z.coerce.number().int().min(min).default(fallback),
  boolean: (fallback: boolean) =>
    z
      .enum(['true', 'false'], { error: 'must be "true" or "false"' })
      .transform((value) => value === 'true')
      .default(fallback),
  optionalBoolean: () =>
    z
      .enum(['true', 'false'], { error: 'must be "true" or "false"' })
      .transform((value) => value === 'true')
      .optional(),
  /** A comma-separated list; blanks dropped. */
  list: () =>
    z
      .string()
      .transform((value) =>
        value
          .split(',')
          .map((item) => item.trim())
          .filter(Boolean),
      )
      .default([]),
  oneOf: <const T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) =>
    z.enum(values).default(fallback as never),
};
