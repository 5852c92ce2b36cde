import { type DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';

import type { RepairStores } from '../repair/repairStores';

export interface StoredComment {
  id: string;
  articleId: string;
  body: string;
}

/** An article's `COUNT#` item: its count and the changes writers recorded on it and have not taken off. */
export interface StoredCounter {
  articleId: string;
  count: number;
  pending: number;
}

export interface StoredArticle {
  id: string;
  title: string;
}

/** What the comments and articles tables hold at one moment, item by item. */
export interface StoreSnapshot {
  comments: StoredComment[];
  counters: StoredCounter[];
  /** Live articles only. */
  articles: StoredArticle[];
  /** Deleted articles whose clean-up is still pending: an `ARTICLE#` item, but no article. */
  tombstones: number;
}

/** Every item of a table, with the given attributes, page by page. */
async function scanAll<T>(client: DynamoDBDocumentClient, tableName: string, attributes: readonly string[]): Promise<T[]> {
  const items: T[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({
        TableName: tableName,
        // Names throughout: `count` and others are DynamoDB reserved words.
        ProjectionExpression: attributes.map((_, i) => `#a${i}`).join(', '),
        ExpressionAttributeNames: Object.fromEntries(attributes.map((name, i) => [`#a${i}`, name])),
        ExclusiveStartKey: startKey,
      }),
    );
    items.push(...((page.Items ?? []) as T[]));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}

interface CommentsTableItem {
  pk: string;
  id?: string;
  articleId?: string;
  body?: string;
  count?: number;
  adding?: Set<string>;
  removing?: Set<string>;
}

interface ArticlesTableItem {
  pk: string;
  id?: string;
  title?: string;
  deletedAt?: string;
}

const COUNT_PREFIX = 'COUNT#';

/**
 * Reads the comments and articles tables whole, straight from the store (the
 * local store of the system under load) rather than through the gateway: the
 * ground truth that acknowledged writes are compared with.
 */
export async function readStoreSnapshot({ client, tables }: RepairStores): Promise<StoreSnapshot> {
  const [commentItems, articleItems] = await Promise.all([
    scanAll<CommentsTableItem>(client, tables.comments, ['pk', 'id', 'articleId', 'body', 'count', 'adding', 'removing']),
    scanAll<ArticlesTableItem>(client, tables.articles, ['pk', 'id', 'title', 'deletedAt']),
  ]);
  const articles = articleItems.filter((item) => item.pk.startsWith('ARTICLE#'));
  return {
    comments: commentItems
      .filter((item) => item.pk.startsWith('COMMENT#'))
      .map((item) => ({ id: item.id ?? '', articleId: item.articleId ?? '', body: item.body ?? '' })),
    counters: commentItems
      .filter((item) => item.pk.startsWith(COUNT_PREFIX))
      .map((item) => ({
        articleId: item.pk.slice(COUNT_PREFIX.length),
        count: item.count ?? 0,
        pending: (item.adding?.size ?? 0) + (item.removing?.size ?? 0),
      })),
    articles: articles.filter((item) => item.deletedAt === undefined).map((item) => ({ id: item.id ?? '', title: item.title ?? '' })),
    tombstones: articles.filter((item) => item.deletedAt !== undefined).length,
  };
}
