import { postSignedGraphQL } from '@bff/test-support';

import type { ArticleRecord } from '../src/service/articlesRepository';
import { type LocalArticles, startLocalArticles } from './localArticles';

interface Page {
  nodes: { id: string; title: string }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const CREATE = `mutation ($input: CreateArticleInput!) { createArticle(input: $input) { id title body author { id } createdAt updatedAt } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateArticleInput!) { updateArticle(id: $id, input: $input) { id title body updatedAt createdAt } }`;
const DELETE = `mutation ($id: ID!) { deleteArticle(id: $id) }`;
const LIST = `query ($first: Int, $after: String) { articles(first: $first, after: $after) { nodes { id title } pageInfo { hasNextPage endCursor } } }`;

describe('articles subgraph, through its Lambda handler and the local store', () => {
  let service: LocalArticles;
  const putArticle = (article: ArticleRecord) => service.repository.putArticle(article);
  let ada: string;
  let grace: string;
  // Signed as the gateway signs, on behalf of `userId` (anonymous when absent).
  const post = <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, userId?: string) =>
    postSignedGraphQL<T>(service.url, query, variables, userId);

  beforeAll(async () => {
    service = await startLocalArticles();
    ada = 'user-ada';
    grace = 'user-grace';
    // 45 articles by three authors, one a minute; two share a millisecond to test the tie-break.
    for (let i = 0; i < 45; i++) {
      const createdAt = new Date(Date.UTC(2026, 0, 1, 0, i === 44 ? 43 : i)).toISOString();
      await putArticle({ id: `a${String(i).padStart(2, '0')}`, title: `Title ${i}`, body: `Body ${i}`, authorId: `author-${i % 3}`, createdAt, updatedAt: createdAt });
    }
  });
  afterAll(() => service.close());

  async function readAll(first: number, query = LIST, pick = (data: Record<string, unknown>) => data.articles as Page) {
    const pages: Page[] = [];
    let after: string | null = null;
    do {
      const { body } = await post(query, { first, after });
      expect(body.errors).toBeUndefined();
      const page = pick(body.data!);
      pages.push(page);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    return pages;
  }

  it('pages through every article newest first with no duplicates or gaps, and again from any cursor', async () => {
    const pages = await readAll(10);
    expect(pages.map((page) => page.nodes.length)).toEqual([10, 10, 10, 10, 5]);
    expect(pages.at(-1)!.pageInfo.hasNextPage).toBe(false);
    const ids = pages.flatMap((page) => page.nodes.map((node) => node.id));
    expect(new Set(ids).size).toBe(45);
    const expected = Array.from({ length: 45 }, (_, i) => `a${String(i).padStart(2, '0')}`)
      .sort((a, b) => (a === 'a44' ? 43.5 : Number(a.slice(1))) - (b === 'a44' ? 43.5 : Number(b.slice(1))))
      .reverse();
    expect(ids).toEqual(expected);

    // Going back to an earlier cursor gives the same page again.
    const second = await post<{ articles: Page }>(LIST, { first: 10, after: pages[0]!.pageInfo.endCursor });
    expect(second.body.data?.articles.nodes).toEqual(pages[1]!.nodes);
    expect(second.body.data?.articles.pageInfo.hasNextPage).toBe(true);
    // The default page size is 20.
    expect(((await post<{ articles: Page }>('{ articles { nodes { id } } }')).body.data?.articles.nodes ?? []).length).toBe(20);
  });

  it("lists one author's articles through User.articles", async () => {
    const pages = await readAll(
      4,
      `query ($first: Int, $after: String) { _entities(representations: [{ __typename: "User", id: "author-1" }]) { ... on User { articles(first: $first, after: $after) { nodes { id title } pageInfo { hasNextPage endCursor } } } } }`,
      (data) => (data._entities as { articles: Page }[])[0]!.articles,
    );
    const ids = pages.flatMap((page) => page.nodes.map((node) => node.id));
    expect(ids).toHaveLength(15);
    expect(ids.every((id) => Number(id.slice(1)) % 3 === 1)).toBe(true);
  });

  it('refuses a page size out of range and a cursor that was edited or belongs to another list', async () => {
    for (const first of [0, 101, -1]) {
      const { body } = await post(LIST, { first });
      expect(body.errors?.[0]).toMatchObject({ message: '"first" must be between 1 and 100.', extensions: { code: 'BAD_USER_INPUT' } });
    }
    const { body } = await post<{ articles: Page }>(LIST, { first: 2 });
    const cursor = body.data!.articles.pageInfo.endCursor!;
    // One bit flipped anywhere in the sealed bytes, the cursor cut short, or not a cursor at all.
    const bytes = Buffer.from(cursor, 'base64url');
    const flipped = Buffer.from(bytes);
    flipped[Math.floor(bytes.length / 2)]! ^= 1;
    for (const after of [flipped.toString('base64url'), bytes.subarray(0, bytes.length - 1).toString('base64url'), 'garbage']) {
      const refused = await post(LIST, { first: 2, after });
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    const otherList = await post(
      `query ($after: String) { _entities(representations: [{ __typename: "User", id: "author-1" }]) { ... on User { articles(after: $after) { nodes { id } } } } }`,
      { after: cursor },
    );
    expect(otherList.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('creates, updates and deletes an article for its author only', async () => {
    const created = await post<{ createArticle: { id: string; author: { id: string }; createdAt: string; updatedAt: string } }>(
      CREATE,
      { input: { title: ' Hello ', body: 'World' } },
      ada,
    );
    const article = created.body.data!.createArticle;
    expect(article).toMatchObject({ title: 'Hello', body: 'World', author: { id: 'user-ada' } });
    expect(article.updatedAt).toBe(article.createdAt);

    const notYours = await post(UPDATE, { id: article.id, input: { title: 'Mine now' } }, grace);
    expect(notYours.body.errors?.[0]).toMatchObject({ message: 'Only the author may change this article.', extensions: { code: 'FORBIDDEN' } });
    expect((await post(DELETE, { id: article.id }, grace)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const updated = await post<{ updateArticle: { title: string; body: string; updatedAt: string } }>(UPDATE, { id: article.id, input: { body: 'Edited' } }, ada);
    expect(updated.body.data?.updateArticle).toMatchObject({ title: 'Hello', body: 'Edited' });
    expect(updated.body.data!.updateArticle.updatedAt >= article.createdAt).toBe(true);

    expect((await post(DELETE, { id: article.id }, ada)).body.data).toEqual({ deleteArticle: true });
    expect((await post(`query ($id: ID!) { article(id: $id) { id } }`, { id: article.id })).body.data).toEqual({ article: null });
    expect((await post(DELETE, { id: article.id }, ada)).body.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    expect((await post(UPDATE, { id: 'missing', input: { title: 'x' } }, ada)).body.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
  });

  it('requires a signed-in caller and valid input to write', async () => {
    expect((await post(CREATE, { input: { title: 'T', body: 'B' } })).body.errors?.[0]).toMatchObject({
      message: 'Log in to write articles.',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    for (const input of [{ title: '', body: 'B' }, { title: 'x'.repeat(201), body: 'B' }, { title: 'T', body: '   ' }]) {
      expect((await post(CREATE, { input }, ada)).body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect((await post(UPDATE, { id: 'a01', input: {} }, ada)).body.errors?.[0]).toMatchObject({ message: 'Give a new title or body.' });
  });

  it('resolves Article entities and authors as references', async () => {
    const { body } = await post('query ($r: [_Any!]!) { _entities(representations: $r) { ... on Article { title author { id } } } }', {
      r: [{ __typename: 'Article', id: 'a02' }, { __typename: 'Article', id: 'gone' }],
    });
    expect(body.data).toEqual({ _entities: [{ title: 'Title 2', author: { id: 'author-2' } }, null] });
  });
});
