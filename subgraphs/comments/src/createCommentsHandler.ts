import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { SERVICES } from '@bff/kit/catalogue';
import { serviceClient } from '@bff/kit/client';
import { type ApiGatewayHandler, createBatchLoader, createDocumentClient, createServiceHandler, DataLoader, Secrets } from '@bff/kit/subgraph';

import typeDefs from '../schema.graphql';
import { ArticleCleanupSweep } from './articleCleanupSweep';
import type { CommentsContext } from './commentsContext';
import { DynamoCommentCountsRepository } from './dynamoCommentCountsRepository';
import { DynamoCommentsRepository } from './dynamoCommentsRepository';
import { httpArticlesDirectory } from './httpArticlesDirectory';
import { resolvers } from './resolvers';
import { CommentCounter } from './service/commentCounter';
import { CommentsService } from './service/commentsService';
import type { CommentsSettings } from './settings';

const { name } = SERVICES.comments;

export interface CommentsHandlerOptions {
  /** The DynamoDB client (default: one for the settings' endpoint), to share or watch it. */
  client?: DynamoDBDocumentClient;
  /** The sweep for deleted articles' comments (default: this handler's own, every ARTICLE_CLEANUP_SWEEP_SECONDS), to wait for it or change its interval. */
  cleanupSweep?: ArticleCleanupSweep;
}

/**
 * The comments subgraph's Lambda handler for these settings: the Lambda entry
 * builds it from the environment, tests and the local system from their own.
 * Misconfigured, it answers SERVICE_MISCONFIGURED.
 */
export function createCommentsHandler(settings: CommentsSettings, options: CommentsHandlerOptions = {}): ApiGatewayHandler {
  const { runtime } = settings;
  const secrets = new Secrets(runtime.secrets);
  const client = options.client ?? createDocumentClient(runtime.dynamoEndpoint);
  const comments = new DynamoCommentsRepository(client, settings.tableName, secrets);
  const counts = new DynamoCommentCountsRepository(client, settings.tableName);
  const service = new CommentsService(comments, counts);
  const counter = new CommentCounter(comments, counts);
  // One per handler, like the sweep: its breaker and connections outlive a request, and one sweep runs at a time.
  const articlesClient = serviceClient(name, SERVICES.articles.name, { runtime, secrets, timeoutMs: settings.articlesTimeoutMs });
  const cleanupSweep = options.cleanupSweep ?? new ArticleCleanupSweep(settings.articleCleanupSweepSeconds);
  const purge = (articleId: string) => service.purgeArticle(articleId);
  // Its lists page with encrypted cursors, so the cursor key is one of the secrets it checks.
  return createServiceHandler<CommentsContext>({ name, typeDefs, resolvers, settings, secrets, listsWithCursors: true,
    context: (base) => {
      const articles = httpArticlesDirectory(articlesClient, settings.articlesUrl, base);
      cleanupSweep.maybeStart(articles, purge, base.logger);
      return {
        ...base,
        service,
        articles,
        commentsById: createBatchLoader((ids) => comments.getComments(ids)),
        commentCounts: new DataLoader<string, number>(async (ids) => {
          const found = await counter.readCommentCounts(ids);
          return ids.map((id) => found.get(id) ?? 0);
        }),
      };
    },
  });
}
