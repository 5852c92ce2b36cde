import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createArticlesHandler } from '@bff/articles/createArticlesHandler';
import { articlesSettings } from '@bff/articles/settings';
import { articlesTable } from '@bff/articles/table';
import type { ArticleCleanupSweep } from '@bff/comments/articleCleanupSweep';
import { createCommentsHandler } from '@bff/comments/createCommentsHandler';
import { commentsSettings } from '@bff/comments/settings';
import { commentsTable } from '@bff/comments/table';
import { SERVICE_NAMES, type ServiceName } from '@bff/kit/catalogue';
import { type ApiGatewayHandler, type Env, idempotencyTable, type TableDefinition } from '@bff/kit/core';
import type { LocalTable } from '@bff/kit/local';
import { createUsersHandler } from '@bff/users/createUsersHandler';
import { usersSettings } from '@bff/users/settings';
import { usersTable } from '@bff/users/table';

/** What every service of the local system shares: the store's one client, and the comments sweep when a test drives it. */
export interface LocalServiceDeps {
  client: DynamoDBDocumentClient;
  cleanupSweep?: ArticleCleanupSweep;
}

/** A service as the local system runs it: its table and how its settings and handler are made from an environment. */
export interface LocalServiceKind {
  name: ServiceName;
  /** The service's table name in this environment (its catalogue variable, else the default). */
  tableName(env: Env): string;
  /** Its table and its idempotency table, named as its settings name them. */
  tables(env: Env): LocalTable[];
  /** Its Lambda handler, from its settings parsed out of `env` as its entry would. */
  handler(env: Env, deps: LocalServiceDeps): ApiGatewayHandler;
}

/** The two table names every service's settings hold. */
interface TableNames {
  tableName: string;
  idempotencyTableName: string;
}

function localService<S extends TableNames>(
  name: ServiceName,
  table: TableDefinition,
  settings: (env: Env) => S,
  create: (settings: S, deps: LocalServiceDeps) => ApiGatewayHandler,
): LocalServiceKind {
  return {
    name,
    tableName: (env) => settings(env).tableName,
    tables: (env) => {
      const parsed = settings(env);
      return [
        { tableName: parsed.tableName, definition: table },
        { tableName: parsed.idempotencyTableName, definition: idempotencyTable },
      ];
    },
    handler: (env, deps) => create(settings(env), deps),
  };
}

/** How each catalogued service runs locally: a service added to the catalogue without one here is a type error. */
const KINDS: { [N in ServiceName]: LocalServiceKind } = {
  users: localService('users', usersTable, usersSettings, createUsersHandler),
  articles: localService('articles', articlesTable, articlesSettings, createArticlesHandler),
  comments: localService('comments', commentsTable, commentsSettings, createCommentsHandler),
};

/** The local system's services in the catalogue's order (a callee before its callers): the one list `npm start`, the repair and the load test read. */
export const LOCAL_SERVICES: readonly LocalServiceKind[] = SERVICE_NAMES.map((name) => KINDS[name]);

/** Where the local services keep their data: the store's client and each service's table. */
export interface LocalStores {
  client: DynamoDBDocumentClient;
  tables: Record<ServiceName, string>;
}

/** Each service's table name in `env`, by service. */
export function localTableNames(env: Env): Record<ServiceName, string> {
  return Object.fromEntries(LOCAL_SERVICES.map((service) => [service.name, service.tableName(env)])) as Record<ServiceName, string>;
}
