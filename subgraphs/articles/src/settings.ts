import { SERVICES } from '@bff/kit/catalogue';
import { DEFAULT_SERVICE_CALL_TIMEOUT_MS } from '@bff/kit/client';
import { type Env, envVar, parseEnv, type RuntimeSettings, runtimeEnvSchema, runtimeSettings } from '@bff/kit/core';
import { z } from 'zod';

const { table, idempotencyTable } = SERVICES.articles;
const comments = SERVICES.comments;

/** The articles service's variables by the catalogue's names: set by its stack, unset locally (then the default names serve). */
const deployedEnvSchema = z.object({
  /** The articles table. */
  [table.env]: envVar.optionalString(),
  /** The table of its mutations' idempotency records. */
  [idempotencyTable.env]: envVar.optionalString(),
});

/**
 * The comments service's GraphQL URL, by the catalogue's name: optional, and unset in AWS (the stacks
 * cannot give it on a first deploy); without it comments' own sweep removes a deleted article's comments.
 */
const commentsUrlEnvSchema = z.object({ [comments.urlEnv]: envVar.optionalString() });

/** The comments service's time limit in ms, by the catalogue's name: below the gateway's, so that the gateway hears why a call failed. */
const commentsTimeoutEnvSchema = z.object({ [comments.timeoutEnv]: envVar.int(DEFAULT_SERVICE_CALL_TIMEOUT_MS, 1) });

/** What the articles subgraph runs with. */
export interface ArticlesSettings {
  runtime: RuntimeSettings;
  tableName: string;
  idempotencyTableName: string;
  /** The comments subgraph's GraphQL URL, when this service may call it. */
  commentsUrl: string | undefined;
  commentsTimeoutMs: number;
  /** The variables production must set (their defaults are local names), each as the environment gave it. */
  productionEnv: Env;
}

/** Reads the articles Lambda's settings from its environment (the entry passes `process.env`, once); a bad value throws naming it. */
export function articlesSettings(env: Env): ArticlesSettings {
  const runtime = runtimeSettings(parseEnv(runtimeEnvSchema, env));
  const deployed = parseEnv(deployedEnvSchema, env);
  const tableEnv = deployed[table.env];
  const idempotencyTableEnv = deployed[idempotencyTable.env];
  return {
    runtime,
    tableName: tableEnv ?? table.defaultName,
    idempotencyTableName: idempotencyTableEnv ?? idempotencyTable.defaultName,
    commentsUrl: parseEnv(commentsUrlEnvSchema, env)[comments.urlEnv],
    commentsTimeoutMs: parseEnv(commentsTimeoutEnvSchema, env)[comments.timeoutEnv] ?? DEFAULT_SERVICE_CALL_TIMEOUT_MS,
    productionEnv: { [table.env]: tableEnv, [idempotencyTable.env]: idempotencyTableEnv },
  };
}
