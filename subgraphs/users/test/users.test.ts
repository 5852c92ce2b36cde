import { type LocalLambdaServer, type LocalStore, postGraphQL, serveLambda, startLocalStoreWithTables } from '@bff/kit/local';

import { handler } from '../src/handler';
import { putUser, tableName } from '../src/store';
import { usersTable } from '../src/table';

describe('users subgraph, through its Lambda handler and the local store', () => {
  let store: LocalStore;
  let server: LocalLambdaServer;
  let url: string;

  beforeAll(async () => {
    store = await startLocalStoreWithTables([{ tableName: tableName(), definition: usersTable }]);
    server = await serveLambda(handler, { name: 'users-test-graphql' });
    url = `${server.origin}/graphql`;
    await putUser({ id: 'u1', name: 'Ada Lovelace', createdAt: '2026-01-01T00:00:00.000Z' });
    await putUser({ id: 'u2', name: 'Grace Hopper', createdAt: '2026-01-02T00:00:00.000Z' });
  });
  afterAll(async () => {
    await server.close();
    await store.close();
  });

  it('finds a user by id, and null for an unknown id', async () => {
    expect((await postGraphQL(url, '{ user(id: "u1") { id name } }')).body).toEqual({
      data: { user: { id: 'u1', name: 'Ada Lovelace' } },
    });
    expect((await postGraphQL(url, '{ user(id: "nobody") { id } }')).body).toEqual({ data: { user: null } });
  });

  it('resolves User entities for the gateway, in order, null where missing', async () => {
    const result = await postGraphQL(
      url,
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on User { id name } } }',
      { r: [{ __typename: 'User', id: 'u2' }, { __typename: 'User', id: 'gone' }, { __typename: 'User', id: 'u1' }] },
    );
    expect(result.body).toEqual({
      data: { _entities: [{ id: 'u2', name: 'Grace Hopper' }, null, { id: 'u1', name: 'Ada Lovelace' }] },
    });
  });

  it('does not write over an existing user', async () => {
    expect(await putUser({ id: 'u1', name: 'Someone else', createdAt: '2026-02-01T00:00:00.000Z' })).toBe(false);
    expect((await postGraphQL(url, '{ user(id: "u1") { name } }')).body.data).toEqual({ user: { name: 'Ada Lovelace' } });
  });
});
