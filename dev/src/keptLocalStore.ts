import { join } from 'node:path';

import type { Env } from '@bff/kit/core';
import { startLocalStoreWithTables } from '@bff/kit/local';
import { createDocumentClient } from '@bff/kit/subgraph';

import { lockDataDir } from './dataDirLock';
import { LOCAL_SERVICES, type LocalStores, localTableNames } from './localServices';

/**
 * Opens the services' tables in a kept local store (`npm start`'s data folder,
 * named as `env` names them) while holding its lock, runs `work` on them alone,
 * then closes the store and lets go of the folder. Throws DataDirBusyError while
 * npm start (or anything else) holds it.
 */
export async function withKeptLocalStore<T>(dataDir: string, env: Env, work: (stores: LocalStores) => Promise<T>): Promise<T> {
  const unlock = lockDataDir(dataDir);
  try {
    const store = await startLocalStoreWithTables(
      LOCAL_SERVICES.flatMap((service) => service.tables(env)),
      { path: join(dataDir, 'dynamodb') },
    );
    const client = createDocumentClient(store.endpoint);
    try {
      return await work({ client, tables: localTableNames(env) });
    } finally {
      client.destroy();
      await store.close();
    }
  } finally {
    unlock();
  }
}
