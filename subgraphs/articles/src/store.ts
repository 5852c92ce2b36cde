import { DeleteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
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
} from '@bff/kit';

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
}

export const tableName = (): string => envString('ARTICLES_TABLE', 'articles');

const FEED = 'ARTICLE';
const articleKey = (id: string) => ({ pk: `ARTICLE#${id}` });

function toRecord({ id, title, body, authorId, createdAt, updatedAt }: ArticleItem): ArticleRecord {
  return { id, title, body, authorId, createdAt, updatedAt: updatedAt ?? createdAt };
}

export async function getArticles(ids: readonly string[]): Promise<ArticleRecord[]> {
  const items = await batchGetItems<ArticleItem>(tableName(), ids.map(articleKey));
  return items.map(toRecord);
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

/** Deletes the article if `authorId` wrote it; false when the condition failed. */
export async function deleteArticle(id: string, authorId: string): Promise<boolean> {
  try {
    await documentClient().send(
      new DeleteCommand({
        TableName: tableName(),
        Key: articleKey(id),
        ConditionExpression: 'attribute_exists(pk) AND authorId = :authorId',
        ExpressionAttributeValues: { ':authorId': authorId },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionalCheckFailure(error)) return false;
    throw error;
  }
}
