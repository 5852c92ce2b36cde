import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoArticlesRepository } from '@bff/articles/repository';
import { seedArticle } from '@bff/articles/seed';
import { DynamoCommentCountsRepository } from '@bff/comments/countsRepository';
import { DynamoCommentsRepository } from '@bff/comments/repository';
import { seedComment } from '@bff/comments/seed';
import { putIfAbsent } from '@bff/kit/subgraph';
import { DynamoUsersRepository } from '@bff/users/repository';
import { seedUser } from '@bff/users/seed';

import { DEMO_PASSWORD, type DemoData } from './demoData';
import type { LocalStores } from './localServices';

// Written last, into the users table, so an interrupted seed runs again next time.
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

/**
 * Writes the demo data through each service's own seed module, users first (the
 * others refer to their ids), once: a store that has been seeded before is left
 * as it is (with whatever you changed). Accounts are made by the users service's
 * rules, so they sign in with DEMO_PASSWORD.
 */
export async function seedDemoData(data: DemoData, { client, tables }: LocalStores): Promise<{ seeded: boolean; items: number }> {
  const marker = await client.send(new GetCommand({ TableName: tables.users, Key: SEED_MARKER }));
  if (marker.Item) return { seeded: false, items: 0 };
  const users = new DynamoUsersRepository(client, tables.users);
  const articles = new DynamoArticlesRepository(client, tables.articles);
  const comments = new DynamoCommentsRepository(client, tables.comments);
  const counts = new DynamoCommentCountsRepository(client, tables.comments);
  const items =
    (await writeAll(data.users, (user) => seedUser(users, { ...user, password: DEMO_PASSWORD }))) +
    (await writeAll(data.articles, (article) => seedArticle(articles, article))) +
    (await writeAll(data.comments, (comment) => seedComment(comments, counts, comment)));
  await putIfAbsent(tables.users, { ...SEED_MARKER, seededAt: new Date().toISOString() }, client);
  return { seeded: true, items };
}
