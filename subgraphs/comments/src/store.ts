import { DeleteCommand, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import {
  batchGetItems,
  type Connection,
  documentClient,
  isConditionalCheckFailure,
  mapConnection,
  type PageRequest,
  putIfAbsent,
  queryPage,
} from '@bff/kit/subgraph';

import { commentsTable } from './table';
import { tableName } from './tableName';

export { tableName };
// The demo seed writes comments and their counts directly, with nothing else running.
export { addToCommentCount } from './commentCountStore';

/** A comment as stored. */
export interface CommentRecord {
  id: string;
  body: string;
  articleId: string;
  authorId: string;
  createdAt: string;
}

interface CommentItem extends CommentRecord {
  pk: string;
  feed: string;
  createdKey: string;
}

const FEED = 'COMMENT';
const commentKey = (id: string) => ({ pk: `COMMENT#${id}` });
const deletedArticleKey = (articleId: string) => ({ pk: `DELETED_ARTICLE#${articleId}` });

function toRecord({ id, body, articleId, authorId, createdAt }: CommentItem): CommentRecord {
  return { id, body, articleId, authorId, createdAt };
}

export async function getComments(ids: readonly string[]): Promise<CommentRecord[]> {
  const items = await batchGetItems<CommentItem>(tableName(), ids.map(commentKey));
  return items.map(toRecord);
}

/** One comment, read consistently (before deleting it); null when there is none. */
export async function getComment(id: string): Promise<CommentRecord | null> {
  const output = await documentClient().send(new GetCommand({ TableName: tableName(), Key: commentKey(id), ConsistentRead: true }));
  return output.Item ? toRecord(output.Item as CommentItem) : null;
}

type Listing = { index: 'byArticle' | 'byAuthor' | 'byCreated'; partition: string };

/** One page of comments, newest first: of an article, of an author, or of everyone. */
export async function listComments({ index, partition }: Listing, page: PageRequest): Promise<Connection<CommentRecord>> {
  const result = await queryPage<CommentItem & Record<string, unknown>>({
    tableName: tableName(),
    table: commentsTable,
    indexName: index,
    partitionValue: partition,
    page,
    scope: `comments:${index}:${partition}`,
  });
  return mapConnection(result, toRecord);
}

export const allComments = (): Listing => ({ index: 'byCreated', partition: FEED });
export const commentsOfArticle = (articleId: string): Listing => ({ index: 'byArticle', partition: articleId });
export const commentsOfAuthor = (authorId: string): Listing => ({ index: 'byAuthor', partition: authorId });

/** Writes a comment; false when one with this id exists already. */
export async function putComment(comment: CommentRecord): Promise<boolean> {
  return putIfAbsent(tableName(), {
    ...commentKey(comment.id),
    feed: FEED,
    createdKey: `${comment.createdAt}#${comment.id}`,
    ...comment,
  });
}

/** Deletes the comment if `authorId` wrote it, returning it; null when the condition failed. */
export async function deleteComment(id: string, authorId: string): Promise<CommentRecord | null> {
  try {
    const output = await documentClient().send(
      new DeleteCommand({
        TableName: tableName(),
        Key: commentKey(id),
        ConditionExpression: 'attribute_exists(pk) AND authorId = :authorId',
        ExpressionAttributeValues: { ':authorId': authorId },
        ReturnValues: 'ALL_OLD',
      }),
    );
    return toRecord(output.Attributes as CommentItem);
  } catch (error) {
    if (isConditionalCheckFailure(error)) return null;
    throw error;
  }
}

/**
 * Remembers that the article is gone (`DELETED_ARTICLE#<id>`, kept: a few bytes
 * an article), so that a comment written while its article was being deleted
 * finds out and goes too.
 */
export async function markArticleDeleted(articleId: string, deletedAt: string): Promise<void> {
  await documentClient().send(new PutCommand({ TableName: tableName(), Item: { ...deletedArticleKey(articleId), deletedAt } }));
}

/** Whether the article was deleted (read consistently: it decides whether a new comment stays). */
export async function isArticleDeleted(articleId: string): Promise<boolean> {
  const output = await documentClient().send(
    new GetCommand({ TableName: tableName(), Key: deletedArticleKey(articleId), ConsistentRead: true, ProjectionExpression: 'pk' }),
  );
  return output.Item !== undefined;
}

/** Deletes comments by id, 25 at a time (DeleteItem: the one write the service's role already has for comments). */
async function deleteCommentItems(ids: string[]): Promise<void> {
  for (let start = 0; start < ids.length; start += 25) {
    await Promise.all(
      ids.slice(start, start + 25).map((id) => documentClient().send(new DeleteCommand({ TableName: tableName(), Key: commentKey(id) }))),
    );
  }
}

/** Deletes every comment of the article, a page of 100 at a time; returns how many it deleted. */
export async function deleteCommentsOfArticle(articleId: string): Promise<number> {
  let deleted = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const output = await documentClient().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: commentsOfArticle(articleId).index,
        KeyConditionExpression: 'articleId = :articleId',
        ExpressionAttributeValues: { ':articleId': articleId },
        ProjectionExpression: 'id',
        Limit: 100,
        ExclusiveStartKey: startKey,
      }),
    );
    const ids = ((output.Items ?? []) as { id: string }[]).map((item) => item.id);
    await deleteCommentItems(ids);
    deleted += ids.length;
    startKey = output.LastEvaluatedKey;
  } while (startKey);
  return deleted;
}
