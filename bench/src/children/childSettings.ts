import { type Env, envVar, parseEnv, type RuntimeSettings, runtimeEnvSchema, runtimeSettings, Secrets } from '@bff/kit/core';
import { localEnvSchema } from '@bff/kit/local';
import { z } from 'zod';

/** A variable holding JSON of `shape`, parsed and checked; `fallback` when unset. */
const jsonVar = <T extends z.ZodType>(shape: T, fallback: string) =>
  envVar
    .string(fallback)
    .transform((text, context) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        context.addIssue({ code: 'custom', message: 'must be JSON' });
        return z.NEVER;
      }
    })
    .pipe(shape);

/**
 * The environment of the bench's child processes, which are entries: each parses it
 * once with this. The kit's variables (secrets, NODE_ENV, the store), the local
 * servers' grace, and what the bench tells its children.
 */
const childEnvSchema = runtimeEnvSchema.extend({
  ...localEnvSchema.shape,
  /** The subgraphs the stock @apollo/gateway composes: JSON, `[{ "name", "url" }]`. */
  BENCH_SUBGRAPHS: jsonVar(z.array(z.object({ name: z.string(), url: z.string() })), '[]'),
  /** How much bench data the subgraphs process seeds: JSON, `{ "users", "articles", "comments" }`. */
  BENCH_DATA_SIZES: jsonVar(
    z.object({ users: z.number().int().min(1), articles: z.number().int().min(1), comments: z.number().int().min(0) }),
    '{"users":20,"articles":150,"comments":300}',
  ),
});

/** What a child of the bench runs with. */
export interface ChildSettings {
  runtime: RuntimeSettings;
  /** The keys the bench gave every process (one secret, as Secrets Manager would hold it). */
  secrets: Secrets;
  /** How long a local server lets requests in flight finish when it closes. */
  shutdownGraceMs: number;
  subgraphs: { name: string; url: string }[];
  dataSizes: { users: number; articles: number; comments: number };
}

/** Reads a child's settings from its environment (the entry passes `process.env`, once); a bad value throws naming it. */
export function childSettings(env: Env): ChildSettings {
  const parsed = parseEnv(childEnvSchema, env);
  const runtime = runtimeSettings(parsed);
  return {
    runtime,
    secrets: new Secrets(runtime.secrets),
    shutdownGraceMs: parsed.SHUTDOWN_GRACE_MS,
    subgraphs: parsed.BENCH_SUBGRAPHS,
    dataSizes: parsed.BENCH_DATA_SIZES,
  };
}
