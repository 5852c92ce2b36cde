import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createArticlesHandler } from '@bff/articles/createArticlesHandler';
import { DynamoArticlesRepository } from '@bff/articles/repository';
import { articlesSettings } from '@bff/articles/settings';
import { articlesTable } from '@bff/articles/table';
import { startLocalStoreWithTables } from '@bff/kit/local';
import { createDocumentClient, Secrets } from '@bff/kit/subgraph';
import { serveTestLambda } from '@bff/test-support';

import { ArticleCleanupSweep } from '../src/articleCleanupSweep';
import { createCommentsHandler } from '../src/createCommentsHandler';
import { DynamoCommentCountsRepository } from '../src/dynamoCommentCountsRepository';
import { DynamoCommentsRepository } from '../src/dynamoCommentsRepository';
import { CommentCounter } from '../src/service/commentCounter';
import { type CommentsSettings, commentsSettings } from '../src/settings';
import { commentsTable } from '../src/table';

/** The comments subgraph and the articles subgraph it asks, through their real handlers, on one local store. */
export interface CommentsWithArticles {
  /** The comments subgraph's GraphQL URL. */
  url: string;
  /** The articles subgraph's, which comments is given as its `articlesUrl`. */
  articlesUrl: string;
  /** The store's client, which both handlers use. */
  client: DynamoDBDocumentClient;
  comments: DynamoCommentsRepository;
  counts: DynamoCommentCountsRepository;
  counter: CommentCounter;
  articles: DynamoArticlesRepository;
  /** Comments' sweep for deleted articles (every 60 s unless set otherwise). */
  cleanupSweep: ArticleCleanupSweep;
  /** From now on, requests reach a comments handler built with these settings changed (same store, URL and sweep). */
  reconfigure(changes: Partial<CommentsSettings>): void;
  close(): Promise<void>;
}

/** Starts both (one store for both services, as the local system has) with these articles in place. */
export async function startCommentsWithArticles(articleIds: string[]): Promise<CommentsWithArticles> {
  const defaults = { comments: commentsSettings({}), articles: articlesSettings({}) };
  const store = await startLocalStoreWithTables([
    { tableName: defaults.comments.tableName, definition: commentsTable },
    { tableName: defaults.articles.tableName, definition: articlesTable },
  ]);
  const client = createDocumentClient(store.endpoint);
  const runtime = { ...defaults.comments.runtime, dynamoEndpoint: store.endpoint };
  const articlesServer = await serveTestLambda(createArticlesHandler({ ...defaults.articles, runtime }, { client }), 'articles-test');
  const articlesUrl = `${articlesServer.origin}/graphql`;
  const settings: CommentsSettings = { ...defaults.comments, runtime, articlesUrl };
  const secrets = new Secrets(runtime.secrets);
  const cleanupSweep = new ArticleCleanupSweep(settings.articleCleanupSweepSeconds);
  let handler = createCommentsHandler(settings, { client, cleanupSweep });
  const commentsServer = await serveTestLambda((event, context) => handler(event, context), 'comments-test');
  const articles = new DynamoArticlesRepository(client, defaults.articles.tableName, secrets);
  for (const id of articleIds) {
    await articles.putArticle({ id, title: id, body: 'b', authorId: 'user-ada', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' });
  }
  const comments = new DynamoCommentsRepository(client, settings.tableName, secrets);
  const counts = new DynamoCommentCountsRepository(client, settings.tableName);
  return {
    url: `${commentsServer.origin}/graphql`,
    articlesUrl,
    client,
    comments,
    counts,
    counter: new CommentCounter(comments, counts),
    articles,
    cleanupSweep,
    reconfigure: (changes) => {
      handler = createCommentsHandler({ ...settings, ...changes }, { client, cleanupSweep });
    },
    close: async () => {
      await commentsServer.close();
      await articlesServer.close();
      client.destroy();
      await store.close();
    },
  };
}
