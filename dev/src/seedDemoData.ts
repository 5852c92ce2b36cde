import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { putArticle } from '@bff/articles/store';
import { addToCommentCount, putComment } from '@bff/comments/store';
import { BadUserInputError, documentClient, putIfAbsent } from '@bff/kit';
import { createUser } from '@bff/users/service';
import { tableName as usersTableName } from '@bff/users/store';

import { DEMO_PASSWORD, type DemoData, type DemoUser } from './demoData';

// Written last, so an interrupted seed runs again next time.
const SEED_MARKER = { pk: 'META#demo-seed' };

/** Writes items a batch at a time: many requests in flight, but never hundreds at once. */
async function writeAll<T>(items: T[], put: (item: T) => Promise<boolean>, concurrency = 16): Promise<number> {
  let written = 0;
  for (let start = 0; start < items.length; start += concurrency) {
    const results = await Promise.all(items.slice(start, start + concurrency).map(put));
    written += results.filter(Boolean).length;
  }
  return written;
}

async function createDemoUser(user: DemoUser): Promise<boolean> {
  try {
    await createUser({ name: user.name, email: user.email, password: DEMO_PASSWORD }, { id: user.id, createdAt: user.createdAt });
    return true;
  } catch (error) {
    // Written by a seed that was interrupted before its marker: keep it.
    if (error instanceof BadUserInputError) return false;
    throw error;
  }
}

async function createDemoComment(comment: DemoData['comments'][number]): Promise<boolean> {
  if (!(await putComment(comment))) return false;
  await addToCommentCount(comment.articleId, 1);
  return true;
}

/**
 * Writes the demo data through each service's own code (accounts through the
 * users service, so they can sign in), once: a store that has been seeded
 * before is left as it is (with whatever you changed).
 */
export async function seedDemoData(data: DemoData): Promise<{ seeded: boolean; items: number }> {
  const marker = await documentClient().send(new GetCommand({ TableName: usersTableName(), Key: SEED_MARKER }));
  if (marker.Item) return { seeded: false, items: 0 };
  const items =
    (await writeAll(data.users, createDemoUser)) +
    (await writeAll(data.articles, putArticle)) +
    (await writeAll(data.comments, createDemoComment));
  await putIfAbsent(usersTableName(), { ...SEED_MARKER, seededAt: new Date().toISOString() });
  return { seeded: true, items };
}
