import { postSignedGraphQL } from '@bff/test-support';

import { type CommentsWithArticles, startCommentsWithArticles } from './commentsWithArticles';

interface Page {
  nodes: { id: string }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const ADD = `mutation ($input: AddCommentInput!) { addComment(input: $input) { id body author { id } article { id } createdAt } }`;
const DELETE = `mutation ($id: ID!) { deleteComment(id: $id) }`;
const COUNT = `query ($id: ID!) { _entities(representations: [{ __typename: "Article", id: $id }]) { ... on Article { commentCount } } }`;

describe('comments subgraph, through its Lambda handler, with the articles subgraph it asks', () => {
  let system: CommentsWithArticles;
  let url: string;
  let ada: string;
  let grace: string;
  // Signed as the gateway signs, on behalf of `userId` (anonymous when absent).
  const post = <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, userId?: string) =>
    postSignedGraphQL<T>(url, query, variables, userId);
  const countOf = async (id: string) =>
    (await post<{ _entities: { commentCount: number }[] }>(COUNT, { id })).body.data?._entities[0]?.commentCount;

  beforeAll(async () => {
    system = await startCommentsWithArticles(['art-1', 'art-2', 'busy']);
    url = system.url;
    ada = 'user-ada';
    grace = 'user-grace';
    for (let i = 0; i < 25; i++) {
      await system.comments.putComment({
        id: `c${String(i).padStart(2, '0')}`,
        body: `Comment ${i}`,
        articleId: i % 5 === 0 ? 'art-2' : 'art-1',
        authorId: i % 2 ? 'user-grace' : 'user-ada',
        createdAt: new Date(Date.UTC(2026, 0, 2, 0, i)).toISOString(),
      });
    }
  });
  afterAll(() => system.close());

  async function readAll(query: string, variables: Record<string, unknown>, pick: (data: Record<string, unknown>) => Page) {
    const ids: string[] = [];
    let after: string | null = null;
    do {
      const { body } = await post(query, { ...variables, after });
      expect(body.errors).toBeUndefined();
      const page = pick(body.data!);
      ids.push(...page.nodes.map((node) => node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    return ids;
  }

  it('pages through all comments, one article’s and one author’s, newest first with no gaps', async () => {
    const all = await readAll('query ($after: String) { comments(first: 7, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }', {}, (d) => d.comments as Page);
    expect(all).toEqual(Array.from({ length: 25 }, (_, i) => `c${String(24 - i).padStart(2, '0')}`));

    const ofArticle = await readAll(
      'query ($after: String) { commentsForArticle(articleId: "art-2", first: 2, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }',
      {},
      (d) => d.commentsForArticle as Page,
    );
    expect(ofArticle).toEqual(['c20', 'c15', 'c10', 'c05', 'c00']);

    const ofAuthor = await readAll(
      'query ($after: String) { _entities(representations: [{ __typename: "User", id: "user-grace" }]) { ... on User { comments(first: 5, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } } } }',
      {},
      (d) => (d._entities as { comments: Page }[])[0]!.comments,
    );
    expect(ofAuthor).toHaveLength(12);
    expect(new Set(ofAuthor).size).toBe(12);

    const onEntity = await post('{ _entities(representations: [{ __typename: "Article", id: "art-2" }]) { ... on Article { comments(first: 1) { nodes { body author { id } article { id } } } } } }');
    expect(onEntity.body.data).toEqual({ _entities: [{ comments: { nodes: [{ body: 'Comment 20', author: { id: 'user-ada' }, article: { id: 'art-2' } }] } }] });
  });

  it('adds a comment to an existing article and refuses one on an article that does not exist', async () => {
    const added = await post<{ addComment: { id: string; body: string; author: { id: string }; article: { id: string } } }>(
      ADD,
      { input: { articleId: 'art-2', body: ' Well said ' } },
      grace,
    );
    expect(added.body.data?.addComment).toMatchObject({ body: 'Well said', author: { id: 'user-grace' }, article: { id: 'art-2' } });
    expect((await post(`query ($id: ID!) { comment(id: $id) { body } }`, { id: added.body.data!.addComment.id })).body.data).toEqual({ comment: { body: 'Well said' } });

    const missing = await post(ADD, { input: { articleId: 'no-such-article', body: 'Hello?' } }, grace);
    expect(missing.body.errors?.[0]).toMatchObject({ message: 'There is no article with this id.', extensions: { code: 'NOT_FOUND' } });
    expect((await post(ADD, { input: { articleId: 'art-2', body: 'x' } })).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await post(ADD, { input: { articleId: 'art-2', body: '   ' } }, grace)).body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('answers SERVICE_UNAVAILABLE and writes nothing when articles cannot be asked', async () => {
    const before = await countOf('art-1');
    system.reconfigure({ articlesUrl: 'http://127.0.0.1:9/graphql' });
    try {
      const result = await post(ADD, { input: { articleId: 'art-1', body: 'Lost?' } }, ada);
      expect(result.body.errors?.[0]).toMatchObject({ extensions: { code: 'SERVICE_UNAVAILABLE', outcome: 'not_applied' } });
    } finally {
      system.reconfigure({ articlesUrl: system.articlesUrl });
    }
    expect(await countOf('art-1')).toBe(before);
  });

  it('lets only the author delete a comment, and keeps the count right', async () => {
    const { body } = await post<{ addComment: { id: string } }>(ADD, { input: { articleId: 'art-1', body: 'Delete me' } }, ada);
    const id = body.data!.addComment.id;
    const count = await countOf('art-1');
    expect((await post(DELETE, { id }, grace)).body.errors?.[0]).toMatchObject({ message: 'Only the author may delete this comment.', extensions: { code: 'FORBIDDEN' } });
    expect((await post(DELETE, { id })).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await post(DELETE, { id }, ada)).body.data).toEqual({ deleteComment: true });
    expect(await countOf('art-1')).toBe(count! - 1);
    expect((await post(DELETE, { id }, ada)).body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('stores all of 200 concurrent comments on one article and counts 200', async () => {
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => post<{ addComment: { id: string } }>(ADD, { input: { articleId: 'busy', body: `Concurrent ${i}` } }, i % 2 ? ada : grace)),
    );
    expect(results.filter((result) => result.body.errors)).toEqual([]);
    expect(await countOf('busy')).toBe(200);
    const ids = await readAll(
      'query ($after: String) { commentsForArticle(articleId: "busy", first: 100, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }',
      {},
      (d) => d.commentsForArticle as Page,
    );
    expect(new Set(ids)).toEqual(new Set(results.map((result) => result.body.data!.addComment.id)));
  }, 30_000);
});
