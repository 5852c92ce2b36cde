import { SERVICES } from '@bff/kit/catalogue';
import { DEFAULT_SERVICE_CALL_TIMEOUT_MS } from '@bff/kit/client';
import { calleeSettings, type Env, parseEnv, type RuntimeSettings, runtimeEnvSchema, runtimeSettings, type ServiceTables, serviceTables } from '@bff/kit/core';

/** What the articles subgraph runs with. */
export interface ArticlesSettings extends ServiceTables {
  runtime: RuntimeSettings;
  /**
   * The comments subgraph's GraphQL URL (COMMENTS_URL): optional, and unset in AWS (the stacks cannot
   * give it on a first deploy); without it comments' own sweep removes a deleted article's comments.
   */
  commentsUrl: string | undefined;
  /** COMMENTS_TIMEOUT_MS: below the gateway's, so that the gateway hears why a call failed. */
  commentsTimeoutMs: number;
}

/**
 * Reads the articles Lambda's settings from its environment (the entry passes `process.env`, once):
 * the kit's variables and the catalogue's for its tables and for comments; a bad value throws naming it.
 */
export function articlesSettings(env: Env): ArticlesSettings {
  const comments = calleeSettings(SERVICES.comments, env, DEFAULT_SERVICE_CALL_TIMEOUT_MS);
  return {
    runtime: runtimeSettings(parseEnv(runtimeEnvSchema, env)),
    ...serviceTables(SERVICES.articles, env),
    commentsUrl: comments.url,
    commentsTimeoutMs: comments.timeoutMs,
  };
}
