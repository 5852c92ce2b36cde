import { DeleteCommand, GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  batchGetItems,
  type Connection,
  documentClient,
  envString,
  isConditionalCheckFailure,
  mapConnection,
  type PageRequest,
  putIfAbsent,
  queryPage,
} from '@bff/kit/subgraph';

import { articlesTable } from './table';

/** An article as stored. */
export interface ArticleRecord {
  id: string;
  title: string;
  body: string;
  authorId: string;
  createdAt: string;
  updatedAt: string;
}

interface ArticleItem extends ArticleRecord {
  pk: string;
  feed: string;
  createdKey: string;
  /** Set on a deleted article whose comments may still be there: a tombstone. */
  deletedAt?: string;
}

/** A deleted article whose clean-up in the comments service has not been confirmed yet. */
export interface PendingDeletion {
  id: string;
  deletedAt: string;
}

export const tableName = (): string => envString('ARTICLES_TABLE', 'articles');

const FEED = 'ARTICLE';
// Tombstones live in their own partition of `byCreated`, oldest first: the list of clean-ups to finish.
const DELETED_FEED = 'DELETED';
const articleKey = (id: string) => ({ pk: `ARTICLE#${id}` });

function toRecord({ id, title, body, authorId, createdAt, updatedAt }: ArticleItem): ArticleRecord {
  return { id, title, body, authorId, createdAt, updatedAt: updatedAt ?? createdAt };
}

/** Articles by id; a deleted one is absent, tombstone or not. */
export async function getArticles(ids: readonly string[]): Promise<ArticleRecord[]> {
  const items = await batchGetItems<ArticleItem>(tableName(), ids.map(articleKey));
  return items.filter((item) => item.deletedAt === undefined).map(toRecord);
}

/** Whether anything, article or tombstone, holds this id (read consistently, for the repair). */
export async function articleIdInUse(id: string): Promise<boolean> {
  const output = await documentClient().send(new GetCommand({ TableName: tableName(), Key: articleKey(id), ConsistentRead: true, ProjectionExpression: 'pk' }));
  return output.Item !== undefined;
}

/** Every article, newest first, one page. */
export async function listArticles(page: PageRequest): Promise<Connection<ArticleRecord>> {
  const result = await queryPage<ArticleItem & Record<string, unknown>>({
    tableName: tableName(),
    table: articlesTable,
    indexName: 'byCreated',
    partitionValue: FEED,
    page,
    scope: 'articles',
  });
  return mapConnection(result, toRecord);
}

/** One author's articles, newest first, one page. */
export async function listArticlesByAuthor(authorId: string, page: PageRequest): Promise<Connection<ArticleRecord>> {
  const result = await queryPage<ArticleItem & Record<string, unknown>>({
    tableName: tableName(),
    table: articlesTable,
    indexName: 'byAuthor',
    partitionValue: authorId,
    page,
    scope: `articles-by:${authorId}`,
  });
  return mapConnection(result, toRecord);
}

/** Writes an article; false when one with this id exists already. */
export async function putArticle(article: ArticleRecord): Promise<boolean> {
  return putIfAbsent(tableName(), {
    ...articleKey(article.id),
    feed: FEED,
    createdKey: `${article.createdAt}#${article.id}`,
    ...article,
  });
}

/**
 * Changes title and body, only while the article exists and `authorId` wrote it
 * (checked in the same write, so a concurrent delete or change of owner cannot slip in).
 * Returns the new article, or null when the condition failed.
 */
export async function updateArticle(
  id: string,
  authorId: string,
  changes: { title?: string; body?: string },
  updatedAt: string,
): Promise<ArticleRecord | null> {
  const fields = { ...changes, updatedAt };
  const names = Object.keys(fields);
  try {
    const output = await documentClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: articleKey(id),
        UpdateExpression: `SET ${names.map((name) => `#${name} = :${name}`).join(', ')}`,
        ConditionExpression: 'attribute_exists(pk) AND authorId = :authorId',
        ExpressionAttributeNames: Object.fromEntries(names.map((name) => [`#${name}`, name])),
        ExpressionAttributeValues: {
          ':authorId': authorId,
          ...Object.fromEntries(Object.entries(fields).map(([name, value]) => [`:${name}`, value])),
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return toRecord(output.Attributes as ArticleItem);
  } catch (error) {
    if (isConditionalCheckFailure(error)) return null;
    throw error;
  }
}

/**
 * Deletes the article if `authorId` wrote it, leaving a tombstone: the item
 * keeps only its id and the time, leaves both lists (its `authorId` goes, its
 * `feed` becomes `DELETED`) and is no longer read as an article, all in one
 * write. False when the condition failed (not there, deleted, or not theirs).
 */
export async function tombstoneArticle(id: string, authorId: string, deletedAt: string): Promise<boolean> {
  try {
    await documentClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: articleKey(id),
        UpdateExpression: 'SET feed = :deleted, createdKey = :key, deletedAt = :deletedAt REMOVE authorId, title, body',
        ConditionExpression: 'attribute_exists(pk) AND authorId = :authorId AND attribute_not_exists(deletedAt)',
        ExpressionAttributeValues: { ':deleted': DELETED_FEED, ':key': `${deletedAt}#${id}`, ':deletedAt': deletedAt, ':authorId': authorId },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionalCheckFailure(error)) return false;
    throw error;
  }
}

/** Up to `limit` tombstones, oldest first. */
export async function pendingDeletions(limit: number): Promise<PendingDeletion[]> {
  const output = await documentClient().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'byCreated',
      KeyConditionExpression: 'feed = :deleted',
      ExpressionAttributeValues: { ':deleted': DELETED_FEED },
      ProjectionExpression: 'id, deletedAt',
      Limit: limit,
    }),
  );
  return (output.Items ?? []) as PendingDeletion[];
}

/** Removes a tombstone once its clean-up is done; removing it twice is harmless. */
export async function removeTombstone(id: string): Promise<void> {
  try {
    await documentClient().send(
      new DeleteCommand({ TableName: tableName(), Key: articleKey(id), ConditionExpression: 'attribute_exists(deletedAt)' }),
    );
  } catch (error) {
    if (!isConditionalCheckFailure(error)) throw error;
  }
}
