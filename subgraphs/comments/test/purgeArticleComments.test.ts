import { postSignedGraphQL } from '@bff/test-support';

import { type CommentsWithArticles, startCommentsWithArticles } from './commentsWithArticles';

const PURGE = 'mutation ($articleId: ID!) { purgeArticleComments(articleId: $articleId) }';
const ADD = 'mutation ($input: AddCommentInput!) { addComment(input: $input) { id } }';
const OF_ARTICLE = 'query ($id: ID!) { commentsForArticle(articleId: $id) { nodes { id } } }';
const COUNT = 'query ($id: ID!) { _entities(representations: [{ __typename: "Article", id: $id }]) { ... on Article { commentCount } } }';

describe('purgeArticleComments: the articles service has a deleted article’s comments removed', () => {
  let system: CommentsWithArticles;
  const markArticleDeleted = (articleId: string, deletedAt: string) => system.comments.markArticleDeleted(articleId, deletedAt);
  const tombstoneArticle = (id: string, authorId: string, deletedAt: string) => system.articles.tombstoneArticle(id, authorId, deletedAt);
  const pendingDeletions = (limit: number) => system.articles.pendingDeletions(limit);
  const post = <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, userId?: string) =>
    postSignedGraphQL<T>(system.url, query, variables, userId);
  const idsOf = async (articleId: string) =>
    ((await post<{ commentsForArticle: { nodes: { id: string }[] } }>(OF_ARTICLE, { id: articleId })).body.data?.commentsForArticle.nodes ?? []).map((node) => node.id);
  const countOf = async (articleId: string) => (await post<{ _entities: { commentCount: number }[] }>(COUNT, { id: articleId })).body.data?._entities[0]?.commentCount;
  const addComments = async (articleId: string, n: number) => {
    for (let i = 0; i < n; i++) expect((await post(ADD, { input: { articleId, body: `on ${articleId} ${i}` } }, 'user-grace')).body.errors).toBeUndefined();
  };

  beforeAll(async () => {
    system = await startCommentsWithArticles(['doomed', 'kept', 'racing', 'swept']);
  });
  afterAll(() => system.close());

  it('refuses anyone but the articles service, and removes nothing', async () => {
    await addComments('doomed', 3);
    for (const caller of ['user-ada', undefined, 'service:comments']) {
      const refused = await post(PURGE, { articleId: 'doomed' }, caller);
      expect(refused.body.errors?.[0]).toMatchObject({ message: "Only the articles service may remove an article's comments.", extensions: { code: 'FORBIDDEN' } });
    }
    expect(await idsOf('doomed')).toHaveLength(3);
    expect(await countOf('doomed')).toBe(3);
  });

  it('removes the comments and the count of that article only, and a second purge finds nothing', async () => {
    await addComments('kept', 2);
    expect((await post(PURGE, { articleId: 'doomed' }, 'service:articles')).body).toEqual({ data: { purgeArticleComments: 3 } });
    expect(await idsOf('doomed')).toEqual([]);
    expect(await countOf('doomed')).toBe(0);
    expect((await post(PURGE, { articleId: 'doomed' }, 'service:articles')).body).toEqual({ data: { purgeArticleComments: 0 } });
    expect(await idsOf('kept')).toHaveLength(2);
    expect(await countOf('kept')).toBe(2);
  });

  it('takes back a comment written after its article was purged, though articles still said it existed', async () => {
    // The purge went past while this comment was between the existence check and its write.
    await markArticleDeleted('racing', new Date().toISOString());
    const late = await post(ADD, { input: { articleId: 'racing', body: 'Too late' } }, 'user-grace');
    expect(late.body.errors?.[0]).toMatchObject({ message: 'There is no article with this id.', extensions: { code: 'NOT_FOUND' } });
    expect(await idsOf('racing')).toEqual([]);
    expect(await countOf('racing')).toBe(0);
  });

  it('finds deleted articles whose clean-up is pending, in its own sweep, and confirms each to articles', async () => {
    await addComments('swept', 2);
    expect(await tombstoneArticle('swept', 'user-ada', new Date().toISOString())).toBe(true);
    expect(await pendingDeletions(10)).toEqual([expect.objectContaining({ id: 'swept' })]);
    // Any request starts a pass, in the background, when one is due: with 0 s, at once.
    system.cleanupSweep.setInterval(0);
    await idsOf('kept');
    system.cleanupSweep.setInterval(3600);
    await system.cleanupSweep.idle();
    expect(await pendingDeletions(10)).toEqual([]);
    expect(await idsOf('swept')).toEqual([]);
    expect(await countOf('swept')).toBe(0);
    expect(await idsOf('kept')).toHaveLength(2);
  });
});
