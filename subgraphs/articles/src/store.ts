import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { batchGetItems, documentClient, envString, putIfAbsent } from '@bff/kit';

/** An article as stored. */
export interface ArticleRecord {
  id: string;
  title: string;
  body: string;
  authorId: string;
  createdAt: string;
}

interface ArticleItem extends ArticleRecord {
  pk: string;
  feed: string;
}

export const tableName = (): string => envString('ARTICLES_TABLE', 'articles');

const FEED = 'ARTICLE';
const articleKey = (id: string) => ({ pk: `ARTICLE#${id}` });

function toRecord({ id, title, body, authorId, createdAt }: ArticleItem): ArticleRecord {
  return { id, title, body, authorId, createdAt };
}

export async function getArticles(ids: readonly string[]): Promise<ArticleRecord[]> {
  const items = await batchGetItems<ArticleItem>(tableName(), ids.map(articleKey));
  return items.map(toRecord);
}

/** The newest articles, newest first. */
export async function listArticles(limit: number): Promise<ArticleRecord[]> {
  const output = await documentClient().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'byCreated',
      KeyConditionExpression: 'feed = :feed',
      ExpressionAttributeValues: { ':feed': FEED },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return ((output.Items ?? []) as ArticleItem[]).map(toRecord);
}

/** Writes an article; false when one with this id exists already. */
export async function putArticle(article: ArticleRecord): Promise<boolean> {
  return putIfAbsent(tableName(), { ...articleKey(article.id), feed: FEED, ...article });
}
