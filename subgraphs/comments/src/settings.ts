import { SERVICES } from '@bff/kit/catalogue';
import { DEFAULT_SERVICE_CALL_TIMEOUT_MS } from '@bff/kit/client';
import { type Env, envVar, parseEnv, type RuntimeSettings, runtimeEnvSchema, runtimeSettings } from '@bff/kit/core';
import { z } from 'zod';

const { table, idempotencyTable } = SERVICES.comments;
const articles = SERVICES.articles;

/** The comments Lambda's environment: the kit's variables, and its own, each with its default and meaning. */
export const commentsEnvSchema = runtimeEnvSchema.extend({
  /** At most one sweep for deleted articles' comments this often (0: on every request). */
  ARTICLE_CLEANUP_SWEEP_SECONDS: envVar.int(60, 0),
});

/** The comments service's variables by the catalogue's names: set by its stack, unset locally (then the defaults serve). */
const deployedEnvSchema = z.object({
  /** The comments table. */
  [table.env]: envVar.optionalString(),
  /** The table of its mutations' idempotency records. */
  [idempotencyTable.env]: envVar.optionalString(),
  /** The articles service's GraphQL URL, where comments asks whether an article exists. */
  [articles.urlEnv]: envVar.optionalString(),
});

/** The articles service's time limit in ms, by the catalogue's name: below the gateway's, so that the gateway hears why a call failed. */
const articlesTimeoutEnvSchema = z.object({ [articles.timeoutEnv]: envVar.int(DEFAULT_SERVICE_CALL_TIMEOUT_MS, 1) });

/** What the comments subgraph runs with. */
export interface CommentsSettings {
  runtime: RuntimeSettings;
  tableName: string;
  idempotencyTableName: string;
  /** The articles subgraph's GraphQL URL (unset: comments cannot be added). */
  articlesUrl: string | undefined;
  articlesTimeoutMs: number;
  articleCleanupSweepSeconds: number;
  /** The variables production must set (their defaults are local ones), each as the environment gave it. */
  productionEnv: Env;
}

/** Reads the comments Lambda's settings from its environment (the entry passes `process.env`, once); a bad value throws naming it. */
export function commentsSettings(env: Env): CommentsSettings {
  const own = parseEnv(commentsEnvSchema, env);
  const deployed = parseEnv(deployedEnvSchema, env);
  const tableEnv = deployed[table.env];
  const idempotencyTableEnv = deployed[idempotencyTable.env];
  const articlesUrl = deployed[articles.urlEnv];
  return {
    runtime: runtimeSettings(own),
    tableName: tableEnv ?? table.defaultName,
    idempotencyTableName: idempotencyTableEnv ?? idempotencyTable.defaultName,
    articlesUrl,
    articlesTimeoutMs: parseEnv(articlesTimeoutEnvSchema, env)[articles.timeoutEnv] ?? DEFAULT_SERVICE_CALL_TIMEOUT_MS,
    articleCleanupSweepSeconds: own.ARTICLE_CLEANUP_SWEEP_SECONDS,
    productionEnv: { [table.env]: tableEnv, [idempotencyTable.env]: idempotencyTableEnv, [articles.urlEnv]: articlesUrl },
  };
}
