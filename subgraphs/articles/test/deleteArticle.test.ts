import { postSignedGraphQL } from '@bff/test-support';

import type { ArticleRecord } from '../src/service/articlesRepository';
import { type LocalArticles, startLocalArticles } from './localArticles';

const DELETE = 'mutation ($id: ID!) { deleteArticle(id: $id) }';
const PENDING = 'query { pendingArticleDeletions(first: 10) }';
const CONFIRM = 'mutation ($id: ID!) { confirmArticleCleanup(id: $id) }';
const READS = `query ($id: ID!) {
  article(id: $id) { id }
  articles(first: 100) { nodes { id } }
  _entities(representations: [{ __typename: "Article", id: $id }, { __typename: "User", id: "user-ada" }]) {
    ... on Article { id title }
    ... on User { articles(first: 100) { nodes { id } } }
  }
}`;

interface Reads {
  article: { id: string } | null;
  articles: { nodes: { id: string }[] };
  _entities: [{ id: string } | null, { articles: { nodes: { id: string }[] } }];
}

describe('deleteArticle, without a comments service to tell: the article goes at once, its clean-up waits', () => {
  let service: LocalArticles;
  const putArticle = (article: ArticleRecord) => service.repository.putArticle(article);
  const pendingDeletions = (limit: number) => service.repository.pendingDeletions(limit);
  const post = <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, userId?: string) =>
    postSignedGraphQL<T>(service.url, query, variables, userId);
  const reads = async (id: string) => {
    const { body } = await post<Reads>(READS, { id });
    expect(body.errors).toBeUndefined();
    return body.data!;
  };

  beforeAll(async () => {
    service = await startLocalArticles({ commentsUrl: undefined });
    for (const id of ['mine', 'theirs', 'kept']) {
      const authorId = id === 'theirs' ? 'user-grace' : 'user-ada';
      await putArticle({ id, title: id, body: 'b', authorId, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' });
    }
  });
  afterAll(() => service.close());

  it("refuses someone else's article and leaves it as it was", async () => {
    expect((await post(DELETE, { id: 'theirs' }, 'user-ada')).body.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect((await post(DELETE, { id: 'theirs' })).body.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    const after = await reads('theirs');
    expect(after.article).toEqual({ id: 'theirs' });
    expect(after._entities[0]).toEqual({ id: 'theirs', title: 'theirs' });
    expect(await pendingDeletions(10)).toEqual([]);
  });

  it('removes the article from every read at once and records the clean-up', async () => {
    expect((await post(DELETE, { id: 'mine' }, 'user-ada')).body).toEqual({ data: { deleteArticle: true } });
    const after = await reads('mine');
    expect(after.article).toBeNull();
    expect(after._entities[0]).toBeNull();
    expect(after.articles.nodes.map((node) => node.id).sort()).toEqual(['kept', 'theirs']);
    expect(after._entities[1].articles.nodes.map((node) => node.id)).toEqual(['kept']);
    expect((await pendingDeletions(10)).map(({ id }) => id)).toEqual(['mine']);
    // Gone for its author too: deleting or editing it again is NOT_FOUND.
    expect((await post(DELETE, { id: 'mine' }, 'user-ada')).body.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    const edit = await post('mutation { updateArticle(id: "mine", input: { title: "Back?" }) { id } }', {}, 'user-ada');
    expect(edit.body.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
  });

  it('lists pending clean-ups and takes confirmations from the comments service only', async () => {
    for (const caller of ['user-ada', undefined, 'service:articles']) {
      expect((await post(PENDING, {}, caller)).body.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
      expect((await post(CONFIRM, { id: 'mine' }, caller)).body.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    }
    expect((await post('query { pendingArticleDeletions(first: 0) }', {}, 'service:comments')).body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await post(PENDING, {}, 'service:comments')).body).toEqual({ data: { pendingArticleDeletions: ['mine'] } });
    expect((await post(CONFIRM, { id: 'mine' }, 'service:comments')).body).toEqual({ data: { confirmArticleCleanup: true } });
    expect((await post(PENDING, {}, 'service:comments')).body).toEqual({ data: { pendingArticleDeletions: [] } });
    // Confirming twice, or an article that is not deleted, changes nothing.
    expect((await post(CONFIRM, { id: 'mine' }, 'service:comments')).body).toEqual({ data: { confirmArticleCleanup: true } });
    expect((await post(CONFIRM, { id: 'kept' }, 'service:comments')).body).toEqual({ data: { confirmArticleCleanup: true } });
    expect((await reads('kept')).article).toEqual({ id: 'kept' });
  });
});
