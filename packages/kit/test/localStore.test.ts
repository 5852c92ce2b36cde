import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { temporaryDirectory } from '@bff/test-support';

import { batchGetItems, createDocumentClient, putIfAbsent, type TableDefinition } from '../src';
import { createTableInput, ensureTable, type LocalStore, startLocalStore } from '../src/local';

const definition: TableDefinition = {
  partitionKey: { name: 'pk', type: 'S' },
  globalIndexes: [{ name: 'byOwner', partitionKey: { name: 'ownerId', type: 'S' }, sortKey: { name: 'createdAt', type: 'S' } }],
};

describe('local store (dynalite in-process)', () => {
  let store: LocalStore;
  beforeAll(async () => {
    store = await startLocalStore();
  });
  afterAll(() => store.close());

  it('creates a table from its definition once, with every index', async () => {
    const client = createDocumentClient(store.endpoint);
    await ensureTable(client, 'things', definition);
    await ensureTable(client, 'things', definition); // a second start finds it there
    expect(createTableInput('things', definition)).toEqual({
      TableName: 'things',
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'ownerId', AttributeType: 'S' },
        { AttributeName: 'createdAt', AttributeType: 'S' },
      ],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      GlobalSecondaryIndexes: [
        {
          IndexName: 'byOwner',
          KeySchema: [
            { AttributeName: 'ownerId', KeyType: 'HASH' },
            { AttributeName: 'createdAt', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
    });
  });

  it('writes an item only when its key is free', async () => {
    const client = createDocumentClient(store.endpoint);
    await ensureTable(client, 'things', definition);
    expect(await putIfAbsent('things', { pk: 'once', v: 1 }, client)).toBe(true);
    expect(await putIfAbsent('things', { pk: 'once', v: 2 }, client)).toBe(false);
    const { Item } = await client.send(new GetCommand({ TableName: 'things', Key: { pk: 'once' } }));
    expect(Item).toEqual({ pk: 'once', v: 1 });
  });

  it('reads 250 keys in 3 BatchGetItem calls and skips missing ones', async () => {
    const client = createDocumentClient(store.endpoint);
    await ensureTable(client, 'things', definition);
    for (let i = 0; i < 240; i++) await putIfAbsent('things', { pk: `item-${i}`, i }, client);
    let calls = 0;
    client.middlewareStack.add(
      (next, context) => (args) => {
        if (context.commandName === 'BatchGetItemCommand') calls++;
        return next(args);
      },
      { step: 'initialize' },
    );
    const keys = Array.from({ length: 250 }, (_, i) => ({ pk: `item-${i}` }));
    const items = await batchGetItems<{ pk: string; i: number }>('things', keys, client);
    expect(calls).toBe(3);
    expect(items).toHaveLength(240);
    expect(new Set(items.map((item) => item.i)).size).toBe(240);
  });
});

describe('local store on disk', () => {
  const dir = temporaryDirectory('bff-store-');

  it('keeps its data across restarts', async () => {
    const first = await startLocalStore({ path: dir() });
    const client = createDocumentClient(first.endpoint);
    await ensureTable(client, 'kept', definition);
    await putIfAbsent('kept', { pk: 'survivor' }, client);
    client.destroy();
    await first.close();

    const second = await startLocalStore({ path: dir() });
    const again = createDocumentClient(second.endpoint);
    const { Item } = await again.send(new GetCommand({ TableName: 'kept', Key: { pk: 'survivor' } }));
    again.destroy();
    await second.close();
    expect(Item).toEqual({ pk: 'survivor' });
  });
});

describe('batchGetItems with throttling', () => {
  it('asks again for keys DynamoDB left unprocessed until it has them all', async () => {
    const store = await startLocalStore();
    const client = createDocumentClient(store.endpoint);
    try {
      await ensureTable(client, 'throttled', definition);
      for (let i = 0; i < 30; i++) await putIfAbsent('throttled', { pk: `t-${i}` }, client);
      let calls = 0;
      // Like a throttled table: the first answer holds 10 items and hands the other 20 keys back.
      client.middlewareStack.add(
        (next, context) => async (args) => {
          const result = await next(args);
          if (context.commandName !== 'BatchGetItemCommand' || calls++ > 0) return result;
          const output = result.output as { Responses?: Record<string, { pk: string }[]>; UnprocessedKeys?: Record<string, { Keys: { pk: string }[] }> };
          const items = output.Responses?.throttled ?? [];
          output.Responses = { throttled: items.slice(0, 10) };
          output.UnprocessedKeys = { throttled: { Keys: items.slice(10).map(({ pk }) => ({ pk })) } };
          return result;
        },
        { step: 'initialize' },
      );
      const items = await batchGetItems<{ pk: string }>('throttled', Array.from({ length: 30 }, (_, i) => ({ pk: `t-${i}` })), client);
      expect(calls).toBe(2);
      expect(new Set(items.map((item) => item.pk)).size).toBe(30);
    } finally {
      client.destroy();
      await store.close();
    }
  });
});
