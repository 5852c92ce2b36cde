import { DeleteCommand, GetCommand, QueryCommand, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { batchGetItems, documentClient, isConditionalCheckFailure } from '@bff/kit/subgraph';

import { tableName } from './tableName';

/**
 * A change to an article's count that a writer has begun: written onto the
 * counter before the comment is stored (or deleted), taken off in the same
 * update that moves the count. One left behind is a writer that stopped in
 * between: a reader or the repair settles it by looking at the comment.
 */
export interface CountChange {
  kind: 'adding' | 'removing';
  commentId: string;
  /** Epoch milliseconds: a change older than any request can live has no writer left. */
  startedAt: number;
  /** `<commentId>@<startedAt>@<nonce>`, the element of the counter's string set. */
  token: string;
}

/**
 * An article's counter item, `COUNT#<articleId>`: `count`, `v` (raised by every
 * update, so a recount can write only if nothing moved meanwhile) and the
 * pending changes as two string sets, `adding` and `removing`.
 */
export interface CommentCount {
  articleId: string;
  count: number;
  version: number;
  changes: CountChange[];
}

interface CountItem {
  pk: string;
  count?: number;
  v?: number;
  adding?: Set<string>;
  removing?: Set<string>;
}

const PREFIX = 'COUNT#';
const countKey = (articleId: string) => ({ pk: `${PREFIX}${articleId}` });

export function countChange(kind: CountChange['kind'], commentId: string, startedAt: number, nonce: string): CountChange {
  return { kind, commentId, startedAt, token: `${commentId}@${startedAt}@${nonce}` };
}

function parseChange(kind: CountChange['kind'], token: string): CountChange {
  const [commentId = '', startedAt = '0'] = token.split('@');
  return { kind, commentId, startedAt: Number(startedAt), token };
}

function toCount(item: CountItem): CommentCount {
  return {
    articleId: item.pk.slice(PREFIX.length),
    count: item.count ?? 0,
    version: item.v ?? 0,
    changes: [
      ...[...(item.adding ?? [])].map((token) => parseChange('adding', token)),
      ...[...(item.removing ?? [])].map((token) => parseChange('removing', token)),
    ],
  };
}

/** Counters of many articles in BatchGetItem calls; an article with none is absent. */
export async function getCommentCounts(articleIds: readonly string[]): Promise<CommentCount[]> {
  const items = await batchGetItems<CountItem>(tableName(), articleIds.map(countKey));
  return items.map(toCount);
}

/** One counter, read consistently (for a recount); null when there is none. */
export async function getCommentCount(articleId: string): Promise<CommentCount | null> {
  const output = await documentClient().send(new GetCommand({ TableName: tableName(), Key: countKey(articleId), ConsistentRead: true }));
  return output.Item ? toCount(output.Item as CountItem) : null;
}

/** Records a change before the comment is written or deleted. */
export async function beginCountChange(articleId: string, change: CountChange): Promise<void> {
  await documentClient().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: countKey(articleId),
      UpdateExpression: 'ADD #kind :token, v :one',
      ExpressionAttributeNames: { '#kind': change.kind },
      ExpressionAttributeValues: { ':token': new Set([change.token]), ':one': 1 },
    }),
  );
}

/**
 * Takes a change off the counter, moving the count by `delta` in the same
 * update (0 for a change that did not happen). Only while the change is still
 * there: of a writer, a reader and a recount, exactly one settles it. False
 * when someone else already had.
 */
export async function settleCountChange(articleId: string, change: CountChange, delta: number): Promise<boolean> {
  try {
    await documentClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: countKey(articleId),
        UpdateExpression: delta === 0 ? 'DELETE #kind :tokens ADD v :one' : 'DELETE #kind :tokens ADD v :one, #count :delta',
        ConditionExpression: 'contains(#kind, :token)',
        ExpressionAttributeNames: { '#kind': change.kind, ...(delta === 0 ? {} : { '#count': 'count' }) },
        ExpressionAttributeValues: {
          ':tokens': new Set([change.token]),
          ':token': change.token,
          ':one': 1,
          ...(delta === 0 ? {} : { ':delta': delta }),
        },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionalCheckFailure(error)) return false;
    throw error;
  }
}

/** Adds `delta` to an article's count in one atomic update (the demo seed's writes, which run alone). */
export async function addToCommentCount(articleId: string, delta: number): Promise<void> {
  await documentClient().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: countKey(articleId),
      UpdateExpression: 'ADD #count :delta, v :one',
      ExpressionAttributeNames: { '#count': 'count' },
      ExpressionAttributeValues: { ':delta': delta, ':one': 1 },
    }),
  );
}

/** How many comments of the article are stored, counted by DynamoDB (`Select: COUNT`) page by page. */
export async function countStoredComments(articleId: string): Promise<number> {
  let total = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const output = await documentClient().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'byArticle',
        KeyConditionExpression: 'articleId = :articleId',
        ExpressionAttributeValues: { ':articleId': articleId },
        Select: 'COUNT',
        ExclusiveStartKey: startKey,
      }),
    );
    total += output.Count ?? 0;
    startKey = output.LastEvaluatedKey;
  } while (startKey);
  return total;
}

/**
 * Writes a recounted value and drops every pending change, only if the counter
 * is still at `expected` (its version; null: there was no counter). False when
 * a writer moved it meanwhile: count again.
 */
export async function writeRecount(articleId: string, count: number, expected: number | null): Promise<boolean> {
  try {
    await documentClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: countKey(articleId),
        UpdateExpression: 'SET #count = :count, v = :next REMOVE adding, removing',
        ConditionExpression: expected === null ? 'attribute_not_exists(pk)' : 'v = :expected',
        ExpressionAttributeNames: { '#count': 'count' },
        ExpressionAttributeValues: { ':count': count, ':next': (expected ?? 0) + 1, ...(expected === null ? {} : { ':expected': expected }) },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionalCheckFailure(error)) return false;
    throw error;
  }
}

/** Removes an article's counter (its article is gone). */
export async function deleteCommentCount(articleId: string): Promise<void> {
  await documentClient().send(new DeleteCommand({ TableName: tableName(), Key: countKey(articleId) }));
}

/** What one pass over the whole table found for one article: its stored comments and its counter. */
export interface ArticleTally {
  comments: number;
  counter: CommentCount | null;
}

/**
 * Reads the whole table once (Scan, page by page, keys and article ids only)
 * and tallies comments and counters by article: for the repair, which runs
 * with an operator's rights, never for a request.
 */
export async function tallyByArticle(): Promise<Map<string, ArticleTally>> {
  const tally = new Map<string, ArticleTally>();
  const entry = (articleId: string) => tally.get(articleId) ?? tally.set(articleId, { comments: 0, counter: null }).get(articleId)!;
  let startKey: Record<string, unknown> | undefined;
  do {
    const output = await documentClient().send(
      new ScanCommand({
        TableName: tableName(),
        ProjectionExpression: 'pk, articleId, #count, v, adding, removing',
        ExpressionAttributeNames: { '#count': 'count' },
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of (output.Items ?? []) as (CountItem & { articleId?: string })[]) {
      if (item.pk.startsWith(PREFIX)) entry(item.pk.slice(PREFIX.length)).counter = toCount(item);
      else if (item.pk.startsWith('COMMENT#') && item.articleId) entry(item.articleId).comments++;
    }
    startKey = output.LastEvaluatedKey;
  } while (startKey);
  return tally;
}
