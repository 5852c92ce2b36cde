import { ScanCommand } from '@aws-sdk/lib-dynamodb';

import { tableName as articlesTableName } from '@bff/articles/store';
import { tableName as commentsTableName } from '@bff/comments/store';
import { documentClient } from '@bff/kit';

import type { StoredWrites } from './systemProtocol';

/** Every item's key (and counter) of one table, page by page. */
async function scanAll(tableName: string): Promise<{ pk: string; count?: number }[]> {
  const items: { pk: string; count?: number }[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await documentClient().send(
      new ScanCommand({ TableName: tableName, ProjectionExpression: 'pk, #count', ExpressionAttributeNames: { '#count': 'count' }, ExclusiveStartKey: startKey }),
    );
    items.push(...((page.Items ?? []) as { pk: string; count?: number }[]));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}

/**
 * Counts what the services stored, straight from their tables rather than
 * through the gateway: the ground truth that acknowledged writes are compared with.
 */
export async function countStoredWrites(): Promise<StoredWrites> {
  const [comments, articles] = await Promise.all([scanAll(commentsTableName()), scanAll(articlesTableName())]);
  return {
    comments: comments.filter((item) => item.pk.startsWith('COMMENT#')).length,
    commentCountSum: comments.filter((item) => item.pk.startsWith('COUNT#')).reduce((sum, item) => sum + (item.count ?? 0), 0),
    articles: articles.filter((item) => item.pk.startsWith('ARTICLE#')).length,
  };
}
