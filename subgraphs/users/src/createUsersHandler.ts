import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { SERVICES } from '@bff/kit/catalogue';
import { type ApiGatewayHandler, createBatchLoader, createDocumentClient, createServiceHandler, issueAccessToken, Secrets } from '@bff/kit/subgraph';

import typeDefs from '../schema.graphql';
import { DynamoUsersRepository } from './dynamoUsersRepository';
import { resolvers } from './resolvers';
import { UsersService } from './service/usersService';
import type { UsersSettings } from './settings';
import type { UsersContext } from './usersContext';

/**
 * The users subgraph's Lambda handler for these settings: the Lambda entry
 * builds it from the environment, tests and the local system from their own
 * (and may pass the DynamoDB client, to share or watch it). Misconfigured,
 * it answers SERVICE_MISCONFIGURED.
 */
export function createUsersHandler(settings: UsersSettings, options: { client?: DynamoDBDocumentClient } = {}): ApiGatewayHandler {
  const { runtime } = settings;
  const secrets = new Secrets(runtime.secrets);
  const repository = new DynamoUsersRepository(options.client ?? createDocumentClient(runtime.dynamoEndpoint), settings.tableName);
  const tokens = { secrets, ttlSeconds: runtime.accessTokenTtlSeconds };
  const service = new UsersService(repository, (userId) => issueAccessToken(userId, tokens), settings.loginLimits);
  return createServiceHandler<UsersContext>({
    name: SERVICES.users.name,
    typeDefs,
    resolvers,
    settings,
    secrets,
    context: (base) => ({ ...base, service, usersById: createBatchLoader((ids) => repository.getUsers(ids)) }),
  });
}
