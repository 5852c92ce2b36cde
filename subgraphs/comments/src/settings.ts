import { SERVICES } from '@bff/kit/catalogue';
import { DEFAULT_SERVICE_CALL_TIMEOUT_MS } from '@bff/kit/client';
import { calleeSettings, type Env, envVar, parseEnv, type RuntimeSettings, runtimeEnvSchema, runtimeSettings, type ServiceTables, serviceTables } from '@bff/kit/core';

const articles = SERVICES.articles;

/** The comments Lambda's environment: the kit's variables, and its own, each with its default and meaning (its tables and articles': the catalogue's). */
export const commentsEnvSchema = runtimeEnvSchema.extend({
  /** At most one sweep for deleted articles' comments this often (0: on every request). */
  ARTICLE_CLEANUP_SWEEP_SECONDS: envVar.int(60, 0),
});

/** What the comments subgraph runs with. */
export interface CommentsSettings extends ServiceTables {
  runtime: RuntimeSettings;
  /** The articles subgraph's GraphQL URL (ARTICLES_URL), where comments asks whether an article exists: production requires it. */
  articlesUrl: string | undefined;
  /** ARTICLES_TIMEOUT_MS: below the gateway's, so that the gateway hears why a call failed. */
  articlesTimeoutMs: number;
  articleCleanupSweepSeconds: number;
}

/** Reads the comments Lambda's settings from its environment (the entry passes `process.env`, once); a bad value throws naming it. */
export function commentsSettings(env: Env): CommentsSettings {
  const own = parseEnv(commentsEnvSchema, env);
  const tables = serviceTables(SERVICES.comments, env);
  const callee = calleeSettings(articles, env, DEFAULT_SERVICE_CALL_TIMEOUT_MS);
  return {
    runtime: runtimeSettings(own),
    ...tables,
    articlesUrl: callee.url,
    articlesTimeoutMs: callee.timeoutMs,
    articleCleanupSweepSeconds: own.ARTICLE_CLEANUP_SWEEP_SECONDS,
    productionEnv: { ...tables.productionEnv, [articles.urlEnv]: callee.url },
  };
}
