import { SERVICES } from '@bff/kit/catalogue';
import { type Env, envVar, parseEnv } from '@bff/kit/core';
import { z } from 'zod';

const { table, idempotencyTable } = SERVICES.comments;
const articles = SERVICES.articles;

/** The comments table, its idempotency table and the articles service's URL, by the catalogue's variable names. */
const catalogueEnvSchema = z.object({
  /** Set by the stack; the defaults are the local names. */
  [table.env]: envVar.string(table.defaultName),
  [idempotencyTable.env]: envVar.string(idempotencyTable.defaultName),
  /** Where comments asks whether an article exists (required in production). */
  [articles.urlEnv]: envVar.optionalString(),
});

/** The comments Lambda's other variables: each one, its default and what it means. */
export const commentsEnvSchema = z.object({
  /** Where DynamoDB is: unset in AWS; the local store's URL locally and in tests. */
  DYNAMODB_ENDPOINT: envVar.optionalString(),
  /** At most one sweep for deleted articles' comments this often (0: on every request). */
  ARTICLE_CLEANUP_SWEEP_SECONDS: envVar.int(60, 0),
});

/** What the comments subgraph runs with. */
export interface CommentsSettings {
  tableName: string;
  idempotencyTableName: string;
  /** The local store's URL; undefined in AWS. */
  dynamoEndpoint: string | undefined;
  /** The articles subgraph's GraphQL URL. */
  articlesUrl: string | undefined;
  articleCleanupSweepSeconds: number;
}

/** Reads the comments Lambda's settings from its environment (the entry passes `process.env`, once); a bad value throws naming it. */
export function commentsSettings(env: Env): CommentsSettings {
  const catalogued = parseEnv(catalogueEnvSchema, env);
  const own = parseEnv(commentsEnvSchema, env);
  return {
    tableName: catalogued[table.env] ?? table.defaultName,
    idempotencyTableName: catalogued[idempotencyTable.env] ?? idempotencyTable.defaultName,
    dynamoEndpoint: own.DYNAMODB_ENDPOINT,
    articlesUrl: catalogued[articles.urlEnv],
    articleCleanupSweepSeconds: own.ARTICLE_CLEANUP_SWEEP_SECONDS,
  };
}
