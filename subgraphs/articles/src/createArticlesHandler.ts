import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { SERVICES } from '@bff/kit/catalogue';
import { serviceClient } from '@bff/kit/client';
import {
  type ApiGatewayHandler,
  createBatchLoader,
  createDocumentClient,
  createSubgraphHandler,
  failClosed,
  Secrets,
  type SubgraphOptions,
} from '@bff/kit/subgraph';

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
  const client = options.client ?? createDocumentClient(runtime.dynamoEndpoint);
  const repository = new DynamoArticlesRepository(client, settings.tableName, secrets);
  // One per handler, so that its breaker and connections outlive a request.
  const comments = serviceClient(name, SERVICES.comments.name, { runtime, secrets, timeoutMs: settings.commentsTimeoutMs });
  return failClosed(
    name,
    {
      development: runtime.development,
      env: settings.productionEnv,
      productionEnv: Object.keys(settings.productionEnv),
      secrets: [() => secrets.authSecrets(), () => secrets.cursorSecret()],
    },
    createSubgraphHandler<ArticlesContext>({
      name,
      typeDefs,
      // Apollo types `__resolveReference` as a field resolver, which the generated (right) type is not.
      resolvers: resolvers as SubgraphOptions<ArticlesContext>['resolvers'],
      context: (base) => ({
        ...base,
        service: new ArticlesService(repository, httpCommentsCleaner(comments, settings.commentsUrl, base)),
        articlesById: createBatchLoader((ids) => repository.getArticles(ids)),
      }),
      idempotency: { tableName: settings.idempotencyTableName },
      settings: runtime,
      secrets,
    }),
  );
}
