import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

import { SETTLE_AFTER_MS } from '@bff/comments/service';
import { createLogger, envOptional } from '@bff/kit';

import { DataDirBusyError } from '../dataDirLock';
import { withKeptLocalStore } from '../keptLocalStore';
import { describeRepair } from './describeRepair';
import { repairStores } from './repairStores';

const USAGE = `Usage: npm run repair            the local store of npm start, in LOCAL_DATA_DIR (default .local/); stop npm start first
       npm run repair -- --aws   the tables named by ARTICLES_TABLE and COMMENTS_TABLE, with your AWS credentials`;

/** The local store, which the repair holds alone: nothing else can be writing, so every count is made exact. */
async function repairLocal(): Promise<string> {
  // The folder npm start uses.
  const dataDir = resolve(process.env.LOCAL_DATA_DIR || join(process.cwd(), '.local'));
  if (!existsSync(join(dataDir, 'dynamodb'))) return `No local data in ${dataDir}: nothing to repair (npm start creates it).`;
  try {
    return await withKeptLocalStore(dataDir, async () => describeRepair(await repairStores({ settleAfterMs: 0, logger: createLogger('repair') })));
  } catch (error) {
    if (error instanceof DataDirBusyError) throw new Error(`${error.message} Stop it first (Ctrl-C in its terminal), then run npm run repair again.`, { cause: error });
    throw error;
  }
}

/** Deployed tables, while the services run: changes younger than any request can live are left to their writers. */
async function repairAws(): Promise<string> {
  const articles = envOptional('ARTICLES_TABLE');
  const comments = envOptional('COMMENTS_TABLE');
  if (!articles || !comments) throw new Error('Set ARTICLES_TABLE and COMMENTS_TABLE to the tables of the stage (e.g. bff-dev-articles and bff-dev-comments).');
  if (envOptional('DYNAMODB_ENDPOINT')) throw new Error('DYNAMODB_ENDPOINT is set: unset it to repair the tables in AWS.');
  console.log(`Repairing ${articles} and ${comments}…`);
  return describeRepair(await repairStores({ settleAfterMs: SETTLE_AFTER_MS, logger: createLogger('repair') }));
}

/**
 * `npm run repair`: finishes article deletions whose comments are still
 * stored, removes comments of articles that are gone, and sets every comment
 * count that differs from the comments stored. Prints what it fixed.
 */
async function main(): Promise<void> {
  // Like the other local commands: warnings and errors only, unless asked for more.
  process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
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
  console.log(values.aws ? await repairAws() : await repairLocal());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
