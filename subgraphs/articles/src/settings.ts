import { SERVICES } from '@bff/kit/catalogue';
import { type Env, envVar, parseEnv } from '@bff/kit/core';
import { z } from 'zod';

const { table, idempotencyTable } = SERVICES.articles;
const comments = SERVICES.comments;

/** The articles table, its idempotency table and the comments service's URL, by the catalogue's variable names. */
const catalogueEnvSchema = z.object({
  /** Set by the stack; the defaults are the local names. */
  [table.env]: envVar.string(table.defaultName),
  [idempotencyTable.env]: envVar.string(idempotencyTable.defaultName),
  /**
   * Optional, and unset in AWS (the stacks cannot give it on a first deploy):
   * without it comments' own sweep removes a deleted article's comments.
   */
  [comments.urlEnv]: envVar.optionalString(),
});

/** The articles Lambda's other variables: each one, its default and what it means. */
export const articlesEnvSchema = z.object({
  /** Where DynamoDB is: unset in AWS; the local store's URL locally and in tests. */
  DYNAMODB_ENDPOINT: envVar.optionalString(),
});

/** What the articles subgraph runs with. */
export interface ArticlesSettings {
  tableName: string;
  idempotencyTableName: string;
  /** The local store's URL; undefined in AWS. */
  dynamoEndpoint: string | undefined;
  /** The comments subgraph's GraphQL URL, when this service may call it. */
  commentsUrl: string | undefined;
}

/** Reads the articles Lambda's settings from its environment (the entry passes `process.env`, once); a bad value throws naming it. */
export function articlesSettings(env: Env): ArticlesSettings {
  const catalogued = parseEnv(catalogueEnvSchema, env);
  const own = parseEnv(articlesEnvSchema, env);
  return {
    tableName: catalogued[table.env] ?? table.defaultName,
    idempotencyTableName: catalogued[idempotencyTable.env] ?? idempotencyTable.defaultName,
    dynamoEndpoint: own.DYNAMODB_ENDPOINT,
    commentsUrl: catalogued[comments.urlEnv],
  };
}
