import { createDocumentClient, putIfAbsent, queryPage, readRuntimeSettings, Secrets, type TableDefinition } from '../src';
import { ensureTable, type LocalStore, startLocalStore } from '../src/local';

const secrets = new Secrets(readRuntimeSettings({ CURSOR_SECRET: 'cursor-secret-for-the-tests-0123456789' }).secrets);

describe('cursors in a paged DynamoDB query', () => {
  const table: TableDefinition = {
    partitionKey: { name: 'pk', type: 'S' },
    globalIndexes: [{ name: 'byCreated', partitionKey: { name: 'feed', type: 'S' }, sortKey: { name: 'createdKey', type: 'S' } }],
  };
  let store: LocalStore;
  beforeAll(async () => {
    store = await startLocalStore();
    const client = createDocumentClient(store.endpoint);
    await ensureTable(client, 'paged', table);
    for (let i = 1; i <= 5; i++) {
      await putIfAbsent('paged', { pk: `ARTICLE#id-${i}`, feed: 'ARTICLE', createdKey: `2024-05-0${i}#id-${i}` }, client);
    }
    client.destroy();
  });
  afterAll(() => store.close());

  it('pages through the list, newest first, with cursors that show none of its keys', async () => {
    const client = createDocumentClient(store.endpoint);
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await queryPage<{ pk: string }>({
        tableName: 'paged',
        table,
        indexName: 'byCreated',
        partitionValue: 'ARTICLE',
        page: { first: 2, ...(after ? { after } : {}) },
        scope: 'paged',
        client,
        secrets,
      });
      seen.push(...page.nodes.map((node) => node.pk));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor!;
      expect(Buffer.from(after, 'base64url').toString('latin1')).not.toMatch(/"pk"|feed|createdKey|ARTICLE|id-\d/);
    }
    client.destroy();
    expect(seen).toEqual(['ARTICLE#id-5', 'ARTICLE#id-4', 'ARTICLE#id-3', 'ARTICLE#id-2', 'ARTICLE#id-1']);
  });
});
