import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { startLocalStoreWithTables } from '@bff/kit/local';
import { createDocumentClient } from '@bff/kit/subgraph';
import { serveTestLambda } from '@bff/test-support';

import { createUsersHandler } from '../src/createUsersHandler';
import { DynamoUsersRepository } from '../src/dynamoUsersRepository';
import { addUser, type NewUser, newUser } from '../src/service/accounts';
import type { UserRecord } from '../src/service/usersRepository';
import { type UsersSettings, usersSettings } from '../src/settings';
import { usersTable } from '../src/table';

/** The users subgraph through its real handler on the local adapter, with a fresh in-memory store. */
export interface LocalUsers {
  /** The GraphQL endpoint. */
  url: string;
  /** The store's client, which the handler uses too (a test may watch its calls). */
  client: DynamoDBDocumentClient;
  repository: DynamoUsersRepository;
  /** An account made as `register` makes it, without a request. */
  createUser(input: NewUser): Promise<UserRecord>;
  /** From now on, requests reach a handler built with these settings changed (same store, same URL). */
  reconfigure(changes: Partial<UsersSettings>): void;
  close(): Promise<void>;
}

export async function startLocalUsers(): Promise<LocalUsers> {
  const defaults = usersSettings({});
  const store = await startLocalStoreWithTables([{ tableName: defaults.tableName, definition: usersTable }]);
  const settings: UsersSettings = { ...defaults, runtime: { ...defaults.runtime, dynamoEndpoint: store.endpoint } };
  const client = createDocumentClient(store.endpoint);
  const repository = new DynamoUsersRepository(client, settings.tableName);
  let handler = createUsersHandler(settings, { client });
  const server = await serveTestLambda((event, context) => handler(event, context), 'users-test');
  return {
    url: `${server.origin}/graphql`,
    client,
    repository,
    createUser: async (input) => addUser(repository, await newUser(input)),
    reconfigure: (changes) => {
      handler = createUsersHandler({ ...settings, ...changes }, { client });
    },
    close: async () => {
      await server.close();
      client.destroy();
      await store.close();
    },
  };
}
