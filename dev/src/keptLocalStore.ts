import { join } from 'node:path';

import { tableName as articlesTableName } from '@bff/articles/store';
import { articlesTable } from '@bff/articles/table';
import { tableName as commentsTableName } from '@bff/comments/store';
import { commentsTable } from '@bff/comments/table';
import { startLocalStoreWithTables } from '@bff/kit/local';

import { lockDataDir } from './dataDirLock';

/**
 * Opens the articles and comments tables of a kept local store (`npm start`'s
 * data folder) while holding its lock, runs `work` on them alone, then closes
 * the store and lets go of the folder. Throws DataDirBusyError while npm start
 * (or anything else) holds it.
 */
export async function withKeptLocalStore<T>(dataDir: string, work: () => Promise<T>): Promise<T> {
  const unlock = lockDataDir(dataDir);
  try {
    const store = await startLocalStoreWithTables(
      [
        { tableName: articlesTableName(), definition: articlesTable },
        { tableName: commentsTableName(), definition: commentsTable },
      ],
      { path: join(dataDir, 'dynamodb') },
    );
    try {
      return await work();
    } finally {
      await store.close();
    }
  } finally {
    unlock();
  }
}
