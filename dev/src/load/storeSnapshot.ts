import { DynamoTable } from '@bff/kit/subgraph';

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

/** A whole table, read page by page with the kit's Scan. */
class WholeTable extends DynamoTable {
  /** Every item, with the given attributes. */
  async items<T>(attributes: readonly string[]): Promise<T[]> {
    const items: T[] = [];
    await this.scanPages(
      {
        // Names throughout: `count` and others are DynamoDB reserved words.
        ProjectionExpression: attributes.map((_, i) => `#a${i}`).join(', '),
        ExpressionAttributeNames: Object.fromEntries(attributes.map((name, i) => [`#a${i}`, name])),
      },
      (page) => void items.push(...((page.Items ?? []) as T[])),
    );
    return items;
  }
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
    new WholeTable(client, tables.comments).items<CommentsTableItem>(['pk', 'id', 'articleId', 'body', 'count', 'adding', 'removing']),
    new WholeTable(client, tables.articles).items<ArticlesTableItem>(['pk', 'id', 'title', 'deletedAt']),
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
