import { handler as articlesHandler } from '@bff/articles';
import { putArticle, tableName as articlesTableName } from '@bff/articles/store';
import { articlesTable } from '@bff/articles/table';
import { serveLambda, startLocalStoreWithTables } from '@bff/kit/local';

import { handler } from '../src/handler';
import { tableName } from '../src/store';
import { commentsTable } from '../src/table';

/** The comments subgraph and the articles subgraph it asks, through their real handlers, on one local store. */
export interface CommentsWithArticles {
  /** The comments subgraph's GraphQL URL. */
  url: string;
  /** The articles subgraph's, which comments is given as ARTICLES_URL. */
  articlesUrl: string;
  close(): Promise<void>;
}

/**
 * Starts both (one store for both services: in one process they share
 * DYNAMODB_ENDPOINT, as the local system does) with these articles in place.
 */
export async function startCommentsWithArticles(articleIds: string[]): Promise<CommentsWithArticles> {
  const store = await startLocalStoreWithTables([
    { tableName: tableName(), definition: commentsTable },
    { tableName: articlesTableName(), definition: articlesTable },
  ]);
  const articles = await serveLambda(articlesHandler, { name: 'articles-test' });
  const comments = await serveLambda(handler, { name: 'comments-test' });
  const articlesUrl = `${articles.origin}/graphql`;
  process.env.ARTICLES_URL = articlesUrl;
  for (const id of articleIds) {
    await putArticle({ id, title: id, body: 'b', authorId: 'user-ada', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' });
  }
  return {
    url: `${comments.origin}/graphql`,
    articlesUrl,
    close: async () => {
      await comments.close();
      await articles.close();
      await store.close();
      delete process.env.ARTICLES_URL;
    },
  };
}
