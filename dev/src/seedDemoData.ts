import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { putArticle } from '@bff/articles/store';
import { putComment } from '@bff/comments/store';
import { documentClient, putIfAbsent } from '@bff/kit';
import { putUser, tableName as usersTableName } from '@bff/users/store';

import type { DemoData } from './demoData';

// Written last, so an interrupted seed runs again next time.
const SEED_MARKER = { pk: 'META#demo-seed' };

async function writeAll<T>(items: T[], put: (item: T) => Promise<boolean>): Promise<number> {
  let written = 0;
  for (const item of items) if (await put(item)) written++;
  return written;
}

/**
 * Writes the demo data through each service's own store code, once: a store
 * that has been seeded before is left as it is (with whatever you changed).
 */
export async function seedDemoData(data: DemoData): Promise<{ seeded: boolean; items: number }> {
  const marker = await documentClient().send(new GetCommand({ TableName: usersTableName(), Key: SEED_MARKER }));
  if (marker.Item) return { seeded: false, items: 0 };
  const items =
    (await writeAll(data.users, putUser)) +
    (await writeAll(data.articles, putArticle)) +
    (await writeAll(data.comments, putComment));
  await putIfAbsent(usersTableName(), { ...SEED_MARKER, seededAt: new Date().toISOString() });
  return { seeded: true, items };
}
