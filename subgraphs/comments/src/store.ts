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

import { commentsTable } from './table';

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

export const tableName = (): string => envString('COMMENTS_TABLE', 'comments');

const FEED = 'COMMENT';
const commentKey = (id: string) => ({ pk: `COMMENT#${id}` });
const countKey = (articleId: string) => ({ pk: `COUNT#${articleId}` });

function toRecord({ id, body, articleId, authorId, createdAt }: CommentItem): CommentRecord {
  return { id, body, articleId, authorId, createdAt };
}

export async function getComments(ids: readonly string[]): Promise<CommentRecord[]> {
  const items = await batchGetItems<CommentItem>(tableName(), ids.map(commentKey));
  return items.map(toRecord);
}

/** Comment counts of many articles in BatchGetItem calls; an article with none is absent. */
export async function getCommentCounts(articleIds: readonly string[]): Promise<{ id: string; count: number }[]> {
  const items = await batchGetItems<{ pk: string; count: number }>(tableName(), articleIds.map(countKey));
  return items.map((item) => ({ id: item.pk.slice('COUNT#'.length), count: item.count }));
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

/** Adds `delta` to an article's comment count in one atomic update. */
export async function addToCommentCount(articleId: string, delta: number): Promise<void> {
  await documentClient().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: countKey(articleId),
      UpdateExpression: 'ADD #count :delta',
      ExpressionAttributeNames: { '#count': 'count' },
      ExpressionAttributeValues: { ':delta': delta },
    }),
  );
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
