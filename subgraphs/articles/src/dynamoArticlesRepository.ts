import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type Connection, DynamoTable, type PageRequest } from '@bff/kit/subgraph';

import type { ArticleRecord, ArticlesRepository, PendingDeletion } from './service/articlesRepository';
import { articlesTable } from './table';

interface ArticleItem extends ArticleRecord {
  pk: string;
  feed: string;
  createdKey: string;
  /** Set on a deleted article whose comments may still be there: a tombstone. */
  deletedAt?: string;
}

const FEED = 'ARTICLE';
// Tombstones live in their own partition of `byCreated`, oldest first: the list of clean-ups to finish.
const DELETED_FEED = 'DELETED';
const articleKey = (id: string) => ({ pk: `ARTICLE#${id}` });

function toRecord({ id, title, body, authorId, createdAt, updatedAt }: ArticleItem): ArticleRecord {
  return { id, title, body, authorId, createdAt, updatedAt: updatedAt ?? createdAt };
}

/** The articles table (see `table.ts`) in DynamoDB. */
export class DynamoArticlesRepository extends DynamoTable implements ArticlesRepository {

  /** Tombstones are dropped. */
  async getArticles(ids: readonly string[]): Promise<ArticleRecord[]> {
    const items = await this.getItems<ArticleItem>(ids.map(articleKey));
    return items.filter((item) => item.deletedAt === undefined).map(toRecord);
  }

  async articleIdInUse(id: string): Promise<boolean> {
    return (await this.getItem(articleKey(id), { consistent: true, projection: 'pk' })) !== undefined;
  }

  listArticles(page: PageRequest): Promise<Connection<ArticleRecord>> {
    return this.list('byCreated', FEED, 'articles', page);
  }

  listArticlesByAuthor(authorId: string, page: PageRequest): Promise<Connection<ArticleRecord>> {
    return this.list('byAuthor', authorId, `articles-by:${authorId}`, page);
  }

  putArticle(article: ArticleRecord): Promise<boolean> {
    return this.putNew({ ...articleKey(article.id), feed: FEED, createdKey: `${article.createdAt}#${article.id}`, ...article });
  }

  /** One conditional UpdateItem. */
  async updateArticle(id: string, authorId: string, changes: { title?: string; body?: string }, updatedAt: string): Promise<ArticleRecord | null> {
    const fields = { ...changes, updatedAt };
    const names = Object.keys(fields);
    const updated = await this.updateItem<ArticleItem>(articleKey(id), {
      update: `SET ${names.map((name) => `#${name} = :${name}`).join(', ')}`,
      condition: 'attribute_exists(pk) AND authorId = :authorId',
      names: Object.fromEntries(names.map((name) => [`#${name}`, name])),
      values: { ':authorId': authorId, ...Object.fromEntries(Object.entries(fields).map(([name, value]) => [`:${name}`, value])) },
    });
    return updated ? toRecord(updated) : null;
  }

  /**
   * One conditional UpdateItem: the item keeps only its id and the time, leaves
   * both lists (its `authorId` goes, its `feed` becomes `DELETED`) and is no
   * longer read as an article.
   */
  async tombstoneArticle(id: string, authorId: string, deletedAt: string): Promise<boolean> {
    const tombstone = await this.updateItem(articleKey(id), {
      update: 'SET feed = :deleted, createdKey = :key, deletedAt = :deletedAt REMOVE authorId, title, body',
      condition: 'attribute_exists(pk) AND authorId = :authorId AND attribute_not_exists(deletedAt)',
      values: { ':deleted': DELETED_FEED, ':key': `${deletedAt}#${id}`, ':deletedAt': deletedAt, ':authorId': authorId },
    });
    return tombstone !== null;
  }

  async pendingDeletions(limit: number): Promise<PendingDeletion[]> {
    const output = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'byCreated',
        KeyConditionExpression: 'feed = :deleted',
        ExpressionAttributeValues: { ':deleted': DELETED_FEED },
        ProjectionExpression: 'id, deletedAt',
        Limit: limit,
      }),
    );
    return (output.Items ?? []) as PendingDeletion[];
  }

  /** Only a tombstone: never a live article. */
  async removeTombstone(id: string): Promise<void> {
    await this.deleteItem(articleKey(id), { condition: 'attribute_exists(deletedAt)' });
  }

  /** One page of an index partition, newest first; `scope` names the list its cursors belong to. */
  private list(indexName: string, partitionValue: string, scope: string, page: PageRequest): Promise<Connection<ArticleRecord>> {
    return this.listPage({ table: articlesTable, indexName, partitionValue, page, scope }, toRecord);
  }
}
