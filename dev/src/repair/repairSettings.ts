import { SERVICES } from '@bff/kit/catalogue';
import { type Env, envVar, parseEnv } from '@bff/kit/core';
import { z } from 'zod';

const { articles, comments } = SERVICES;

/** The variables `npm run repair` reads, each with its meaning. */
const repairEnvSchema = z.object({
  /** npm start's data folder (default `.local/` in the current directory). */
  LOCAL_DATA_DIR: envVar.optionalString(),
  /** A local store's URL: with `--aws` it must be unset, so that the repair reaches the tables in AWS. */
  DYNAMODB_ENDPOINT: envVar.optionalString(),
  /** With `--aws`: the stage's articles table (locally, the name npm start uses, from the same variable). */
  [articles.table.env]: envVar.optionalString(),
  /** With `--aws`: the stage's comments table. */
  [comments.table.env]: envVar.optionalString(),
});

/** What the repair runs on. */
export interface RepairSettings {
  localDataDir?: string;
  dynamoEndpoint?: string;
  /** The tables the variables name; each absent when its variable is unset. */
  tables: { articles?: string; comments?: string };
  /** The variables that name the tables, for messages. */
  tableEnv: { articles: string; comments: string };
}

/** Parses the repair's environment (the CLI passes `process.env`, once). */
export function repairSettings(env: Env): RepairSettings {
  const parsed = parseEnv(repairEnvSchema, env);
  return {
    ...(parsed.LOCAL_DATA_DIR === undefined ? {} : { localDataDir: parsed.LOCAL_DATA_DIR }),
    ...(parsed.DYNAMODB_ENDPOINT === undefined ? {} : { dynamoEndpoint: parsed.DYNAMODB_ENDPOINT }),
    tables: { articles: parsed[articles.table.env], comments: parsed[comments.table.env] },
    tableEnv: { articles: articles.table.env, comments: comments.table.env },
  };
}
