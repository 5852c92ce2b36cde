import { type LocalLambdaServer, type LocalStore, postGraphQL, serveLambda, startLocalStoreWithTables } from '@bff/kit/local';

import { handler } from '../src/handler';
import { putArticle, tableName } from '../src/store';
import { articlesTable } from '../src/table';

describe('articles subgraph, through its Lambda handler and the local store', () => {
  let store: LocalStore;
  let server: LocalLambdaServer;
  let url: string;

  beforeAll(async () => {
    store = await startLocalStoreWithTables([{ tableName: tableName(), definition: articlesTable }]);
    server = await serveLambda(handler, { name: 'articles-test-graphql' });
    url = `${server.origin}/graphql`;
    for (let i = 1; i <= 3; i++) {
      await putArticle({ id: `a${i}`, title: `Title ${i}`, body: `Body ${i}`, authorId: `u${i}`, createdAt: `2026-01-0${i}T00:00:00.000Z` });
    }
  });
  afterAll(async () => {
    await server.close();
    await store.close();
  });

  it('lists articles newest first, with their authors as references', async () => {
    const result = await postGraphQL(url, '{ articles { id title author { id } } }');
    expect(result.body).toEqual({
      data: {
        articles: [
          { id: 'a3', title: 'Title 3', author: { id: 'u3' } },
          { id: 'a2', title: 'Title 2', author: { id: 'u2' } },
          { id: 'a1', title: 'Title 1', author: { id: 'u1' } },
        ],
      },
    });
  });

  it('finds one article, and resolves Article entities', async () => {
    expect((await postGraphQL(url, '{ article(id: "a2") { body createdAt } }')).body.data).toEqual({
      article: { body: 'Body 2', createdAt: '2026-01-02T00:00:00.000Z' },
    });
    expect((await postGraphQL(url, '{ article(id: "none") { id } }')).body.data).toEqual({ article: null });
    const entities = await postGraphQL(
      url,
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Article { title } } }',
      { r: [{ __typename: 'Article', id: 'a1' }] },
    );
    expect(entities.body.data).toEqual({ _entities: [{ title: 'Title 1' }] });
  });
});
