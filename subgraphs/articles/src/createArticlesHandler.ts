import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { SERVICES } from '@bff/kit/catalogue';
import { serviceClient } from '@bff/kit/client';
import { type ApiGatewayHandler, createBatchLoader, createDocumentClient, createServiceHandler, Secrets } from '@bff/kit/subgraph';

import typeDefs from '../schema.graphql';
import type { ArticlesContext } from './articlesContext';
import { DynamoArticlesRepository } from './dynamoArticlesRepository';
import { httpCommentsCleaner } from './httpCommentsCleaner';
import { resolvers } from './resolvers';
import { ArticlesService } from './service/articlesService';
import type { ArticlesSettings } from './settings';

const { name } = SERVICES.articles;

/**
 * The articles subgraph's Lambda handler for these settings: the Lambda entry
 * builds it from the environment, tests and the local system from their own
 * (and may pass the DynamoDB client, to share or watch it). Misconfigured,
 * it answers SERVICE_MISCONFIGURED.
 */
export function createArticlesHandler(settings: ArticlesSettings, options: { client?: DynamoDBDocumentClient } = {}): ApiGatewayHandler {
  const { runtime } = settings;
  const secrets = new Secrets(runtime.secrets);
  const repository = new DynamoArticlesRepository(options.client ?? createDocumentClient(runtime.dynamoEndpoint), settings.tableName, secrets);
  // One per handler, so that its breaker and connections outlive a request.
  const comments = serviceClient(name, SERVICES.comments.name, { runtime, secrets, timeoutMs: settings.commentsTimeoutMs });
  // Its lists page with encrypted cursors, so the cursor key is one of the secrets it checks.
  return createServiceHandler<ArticlesContext>({ name, typeDefs, resolvers, settings, secrets, listsWithCursors: true,
    context: (base) => ({
      ...base,
      service: new ArticlesService(repository, httpCommentsCleaner(comments, settings.commentsUrl, base)),
      articlesById: createBatchLoader((ids) => repository.getArticles(ids)),
    }),
  });
}
