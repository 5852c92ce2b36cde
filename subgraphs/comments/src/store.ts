import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { batchGetItems, documentClient, envString, putIfAbsent } from '@bff/kit';

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
}

export const tableName = (): string => envString('COMMENTS_TABLE', 'comments');

const commentKey = (id: string) => ({ pk: `COMMENT#${id}` });

function toRecord({ id, body, articleId, authorId, createdAt }: CommentItem): CommentRecord {
  return { id, body, articleId, authorId, createdAt };
}

export async function getComments(ids: readonly string[]): Promise<CommentRecord[]> {
  const items = await batchGetItems<CommentItem>(tableName(), ids.map(commentKey));
  return items.map(toRecord);
}

/** An article's comments, newest first. */
export async function listCommentsForArticle(articleId: string, limit: number): Promise<CommentRecord[]> {
  const output = await documentClient().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'byArticle',
      KeyConditionExpression: 'articleId = :articleId',
      ExpressionAttributeValues: { ':articleId': articleId },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return ((output.Items ?? []) as CommentItem[]).map(toRecord);
}

/** Writes a comment; false when one with this id exists already. */
export async function putComment(comment: CommentRecord): Promise<boolean> {
  return putIfAbsent(tableName(), { ...commentKey(comment.id), ...comment });
}
