import { type LocalLambdaServer, type LocalStore, postGraphQL, serveLambda, startLocalStoreWithTables } from '@bff/kit/local';

import { handler } from '../src/handler';
import { putComment, tableName } from '../src/store';
import { commentsTable } from '../src/table';

describe('comments subgraph, through its Lambda handler and the local store', () => {
  let store: LocalStore;
  let server: LocalLambdaServer;
  let url: string;

  beforeAll(async () => {
    store = await startLocalStoreWithTables([{ tableName: tableName(), definition: commentsTable }]);
    server = await serveLambda(handler, { name: 'comments-test-graphql' });
    url = `${server.origin}/graphql`;
    await putComment({ id: 'c1', body: 'First', articleId: 'a1', authorId: 'u1', createdAt: '2026-01-01T00:00:00.000Z' });
    await putComment({ id: 'c2', body: 'Second', articleId: 'a1', authorId: 'u2', createdAt: '2026-01-02T00:00:00.000Z' });
    await putComment({ id: 'c3', body: 'Elsewhere', articleId: 'a2', authorId: 'u1', createdAt: '2026-01-03T00:00:00.000Z' });
  });
  afterAll(async () => {
    await server.close();
    await store.close();
  });

  it("lists one article's comments newest first, with author and article references", async () => {
    const result = await postGraphQL(url, '{ commentsForArticle(articleId: "a1") { id body author { id } article { id } } }');
    expect(result.body.data).toEqual({
      commentsForArticle: [
        { id: 'c2', body: 'Second', author: { id: 'u2' }, article: { id: 'a1' } },
        { id: 'c1', body: 'First', author: { id: 'u1' }, article: { id: 'a1' } },
      ],
    });
  });

  it('adds comments to Article entities and resolves Comment entities', async () => {
    const result = await postGraphQL(
      url,
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Article { id comments { id } } ... on Comment { body } } }',
      { r: [{ __typename: 'Article', id: 'a2' }, { __typename: 'Article', id: 'empty' }, { __typename: 'Comment', id: 'c1' }] },
    );
    expect(result.body.data).toEqual({
      _entities: [{ id: 'a2', comments: [{ id: 'c3' }] }, { id: 'empty', comments: [] }, { body: 'First' }],
    });
    expect((await postGraphQL(url, '{ comment(id: "c3") { body } }')).body.data).toEqual({ comment: { body: 'Elsewhere' } });
  });
});
