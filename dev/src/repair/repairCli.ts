import '../localLogLevel';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

import { SETTLE_AFTER_MS } from '@bff/comments/counter';
import type { Env } from '@bff/kit/core';
import { createDocumentClient } from '@bff/kit/subgraph';

import { DataDirBusyError } from '../dataDirLock';
import { withKeptLocalStore } from '../keptLocalStore';
import { describeRepair } from './describeRepair';
import { type RepairSettings, repairSettings } from './repairSettings';
import { repairStores } from './repairStores';

const USAGE = `Usage: npm run repair            the local store of npm start, in LOCAL_DATA_DIR (default .local/); stop npm start first
       npm run repair -- --aws   the tables named by ARTICLES_TABLE and COMMENTS_TABLE, with your AWS credentials`;

/** The local store, which the repair holds alone: nothing else can be writing, so every count is made exact. */
async function repairLocal(settings: RepairSettings, env: Env): Promise<string> {
  // The folder npm start uses.
  const dataDir = resolve(settings.localDataDir ?? join(process.cwd(), '.local'));
  if (!existsSync(join(dataDir, 'dynamodb'))) return `No local data in ${dataDir}: nothing to repair (npm start creates it).`;
  try {
    // The tables as npm start names them in this environment.
    return await withKeptLocalStore(dataDir, env, async (stores) => describeRepair(await repairStores(stores, { settleAfterMs: 0 })));
  } catch (error) {
    if (error instanceof DataDirBusyError) throw new Error(`${error.message} Stop it first (Ctrl-C in its terminal), then run npm run repair again.`, { cause: error });
    throw error;
  }
}

/** Deployed tables, while the services run: changes younger than any request can live are left to their writers. */
async function repairAws({ tables: { articles, comments }, tableEnv, dynamoEndpoint }: RepairSettings): Promise<string> {
  if (!articles || !comments) {
    throw new Error(`Set ${tableEnv.articles} and ${tableEnv.comments} to the tables of the stage (e.g. bff-dev-articles and bff-dev-comments).`);
  }
  if (dynamoEndpoint) throw new Error('DYNAMODB_ENDPOINT is set: unset it to repair the tables in AWS.');
  console.log(`Repairing ${articles} and ${comments}…`);
  const client = createDocumentClient();
  try {
    return describeRepair(await repairStores({ client, tables: { articles, comments } }, { settleAfterMs: SETTLE_AFTER_MS }));
  } finally {
    client.destroy();
  }
}

/**
 * `npm run repair`: finishes article deletions whose comments are still
 * stored, removes comments of articles that are gone, and sets every comment
 * count that differs from the comments stored. Prints what it fixed.
 */
async function main(env: Env): Promise<void> {
  const settings = repairSettings(env);
  let values;
  try {
    ({ values } = parseArgs({ options: { aws: { type: 'boolean' }, help: { type: 'boolean' } } }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  console.log(values.aws ? await repairAws(settings) : await repairLocal(settings, env));
}

main(process.env).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
