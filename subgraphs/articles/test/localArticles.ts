import { startLocalStoreWithTables } from '@bff/kit/local';
import { createDocumentClient, Secrets } from '@bff/kit/subgraph';
import { serveTestLambda } from '@bff/test-support';

import { createArticlesHandler } from '../src/createArticlesHandler';
import { DynamoArticlesRepository } from '../src/dynamoArticlesRepository';
import { type ArticlesSettings, articlesSettings } from '../src/settings';
import { articlesTable } from '../src/table';

/** The articles subgraph through its real handler on the local adapter, with a fresh in-memory store. */
export interface LocalArticles {
  /** The GraphQL endpoint. */
  url: string;
  /** The table, as the handler reads and writes it. */
  repository: DynamoArticlesRepository;
  close(): Promise<void>;
}

/** Starts it with the default settings, these changed (no COMMENTS_URL unless given). */
export async function startLocalArticles(changes: Partial<ArticlesSettings> = {}): Promise<LocalArticles> {
  const defaults = articlesSettings({});
  const store = await startLocalStoreWithTables([{ tableName: defaults.tableName, definition: articlesTable }]);
  const settings: ArticlesSettings = { ...defaults, runtime: { ...defaults.runtime, dynamoEndpoint: store.endpoint }, ...changes };
  const client = createDocumentClient(store.endpoint);
  const server = await serveTestLambda(createArticlesHandler(settings, { client }), 'articles-test');
  return {
    url: `${server.origin}/graphql`,
    repository: new DynamoArticlesRepository(client, settings.tableName, new Secrets(settings.runtime.secrets)),
    close: async () => {
      await server.close();
      client.destroy();
      await store.close();
    },
  };
}
