import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoArticlesRepository } from '@bff/articles/repository';
import { ArticleCleanupSweep } from '@bff/comments/articleCleanupSweep';
import { DynamoCommentsRepository } from '@bff/comments/repository';
import { ENGINE_NAMES } from '@bff/gateway';
import { type GraphQLHttpResult, postGraphQL } from '@bff/kit/local';

import { demoData } from '../src/demoData';
import { type LocalSystem, startLocalSystem } from '../src/localSystem';
import { repairStores } from '../src/repair/repairStores';

interface CommentNode {
  id: string;
  body: string;
  article: { title: string } | null;
}
interface CommentPage {
  nodes: CommentNode[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

// The two queries of the issue, paged so that every comment is read.
const ALL_COMMENTS = 'query ($after: String) { comments(first: 100, after: $after) { nodes { id body article { title } } pageInfo { hasNextPage endCursor } } }';
const MY_COMMENTS = '{ me { comments(first: 100) { nodes { id article { title } } } } }';
const OF_ARTICLE = 'query ($id: ID!) { commentsForArticle(articleId: $id, first: 100) { nodes { id } } }';
const ARTICLES = '{ articles(first: 50) { nodes { id commentCount comments(first: 50) { nodes { id } } } } }';
const DELETE = 'mutation ($id: ID!) { deleteArticle(id: $id) }';

describe.each(ENGINE_NAMES)('deleting an article takes its comments and count, %s engine', (engine) => {
  let workDir: string;
  let system: LocalSystem;
  const data = demoData();
  const tokens = new Map<string, string>();
  // Only the first comments request sweeps (every hour after): each test below picks its own path.
  const cleanupSweep = new ArticleCleanupSweep(3600);
  /** Deleted articles whose clean-up is pending, as the articles table holds them. */
  const pendingDeletions = (limit: number) => new DynamoArticlesRepository(system.stores.client, system.stores.tables.articles).pendingDeletions(limit);

  const post = async <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, userId?: string): Promise<GraphQLHttpResult<T>> => {
    if (userId && !tokens.has(userId)) tokens.set(userId, await system.accessToken(userId));
    return postGraphQL<T>(system.gatewayUrl, query, variables, userId ? { authorization: `Bearer ${tokens.get(userId)}` } : {});
  };
  const commentsOf = (articleId: string) => data.comments.filter((comment) => comment.articleId === articleId);
  /** The demo's articles with comments, most commented first: each test deletes its own. */
  const withComments = [...data.articles].filter((article) => commentsOf(article.id).length >= 2).sort((a, b) => commentsOf(b.id).length - commentsOf(a.id).length);
  const takeArticle = () => withComments.shift()!;
  const idsOfArticle = async (articleId: string) => {
    const { body } = await post<{ commentsForArticle: { nodes: { id: string }[] } }>(OF_ARTICLE, { id: articleId });
    expect(body.errors).toBeUndefined();
    return body.data!.commentsForArticle.nodes.map((node) => node.id);
  };
  const allComments = async () => {
    const nodes: CommentNode[] = [];
    let after: string | null = null;
    do {
      const result: GraphQLHttpResult<{ comments: CommentPage }> = await post<{ comments: CommentPage }>(ALL_COMMENTS, { after });
      expect(result.body.errors).toBeUndefined();
      nodes.push(...result.body.data!.comments.nodes);
      after = result.body.data!.comments.pageInfo.hasNextPage ? result.body.data!.comments.pageInfo.endCursor : null;
    } while (after);
    return nodes;
  };
  /** Every article's commentCount and the comments listed under it, read through the gateway. */
  const articleCounts = async () => {
    const { body } = await post<{ articles: { nodes: { id: string; commentCount: number; comments: { nodes: unknown[] } }[] } }>(ARTICLES);
    expect(body.errors).toBeUndefined();
    return body.data!.articles.nodes;
  };

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'bff-deletion-'));
    system = await startLocalSystem({ workDir, seed: data, gatewaySettings: { engine }, cleanupSweep });
  }, 60_000);
  afterAll(async () => {
    await cleanupSweep.idle();
    await system.close();
    await rm(workDir, { recursive: true, force: true });
  });

  it('removes its comments from every list, and the queries of the issue answer without errors', async () => {
    const article = takeArticle();
    const gone = new Set(commentsOf(article.id).map((comment) => comment.id));
    const commenter = commentsOf(article.id)[0]!.authorId;
    expect((await post(DELETE, { id: article.id }, article.authorId)).body).toEqual({ data: { deleteArticle: true } });

    const everyComment = await allComments();
    expect(everyComment).toHaveLength(data.comments.length - gone.size);
    expect(everyComment.filter((comment) => gone.has(comment.id) || comment.article === null)).toEqual([]);

    const mine = await post<{ me: { comments: { nodes: CommentNode[] } } }>(MY_COMMENTS, {}, commenter);
    expect(mine.body.errors).toBeUndefined();
    const expectedMine = data.comments.filter((comment) => comment.authorId === commenter && !gone.has(comment.id));
    expect(mine.body.data!.me.comments.nodes.map((node) => node.id).sort()).toEqual(expectedMine.map((comment) => comment.id).sort());
    expect(mine.body.data!.me.comments.nodes.every((node) => node.article !== null)).toBe(true);

    expect(await idsOfArticle(article.id)).toEqual([]);
    const one = await post(`query ($id: ID!) { comment(id: $id) { body article { title } } }`, { id: [...gone][0] });
    expect(one.body).toEqual({ data: { comment: null } });
    expect((await post('query ($id: ID!) { article(id: $id) { title commentCount } }', { id: article.id })).body).toEqual({ data: { article: null } });

    const counts = await articleCounts();
    expect(counts.map((node) => node.id)).not.toContain(article.id);
    for (const node of counts) expect(node.commentCount).toBe(node.comments.nodes.length);
    expect(await pendingDeletions(10)).toEqual([]);
  });

  it("refuses to delete someone else's article and leaves it, its comments and its count", async () => {
    const article = takeArticle();
    const other = data.users.find((user) => user.id !== article.authorId)!.id;
    const refused = await post(DELETE, { id: article.id }, other);
    expect(refused.body.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect((await idsOfArticle(article.id)).sort()).toEqual(commentsOf(article.id).map((comment) => comment.id).sort());
    expect((await articleCounts()).find((node) => node.id === article.id)?.commentCount).toBe(commentsOf(article.id).length);
  });

  it('keeps the services’ clean-up fields out of the client schema', async () => {
    for (const query of [
      'mutation { purgeArticleComments(articleId: "x") }',
      'mutation { confirmArticleCleanup(id: "x") }',
      '{ pendingArticleDeletions }',
    ]) {
      const result = await post(query);
      expect(result.body.data ?? null).toBeNull();
      expect(result.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    }
  });

  describe('with the comments service stopped', () => {
    /** Deletes an article while comments is down: it is gone for readers at once, its clean-up pending. */
    async function deleteWhileCommentsDown(): Promise<{ id: string; comments: string[] }> {
      const article = takeArticle();
      await system.stopSubgraph('comments');
      try {
        expect((await post(DELETE, { id: article.id }, article.authorId)).body).toEqual({ data: { deleteArticle: true } });
        expect((await post('query ($id: ID!) { article(id: $id) { title } }', { id: article.id })).body).toEqual({ data: { article: null } });
        const list = await post<{ articles: { nodes: { id: string }[] } }>('{ articles(first: 100) { nodes { id } } }');
        expect(list.body.data!.articles.nodes.map((node) => node.id)).not.toContain(article.id);
        expect((await pendingDeletions(10)).map(({ id }) => id)).toEqual([article.id]);
      } catch (error) {
        await system.startSubgraph('comments');
        throw error;
      }
      return { id: article.id, comments: commentsOf(article.id).map((comment) => comment.id) };
    }

    it('the next delete, once comments is back, finishes the clean-up', async () => {
      const pending = await deleteWhileCommentsDown();
      await system.startSubgraph('comments');
      // Until then a reader still finds the comments (their article is null).
      expect((await idsOfArticle(pending.id)).sort()).toEqual([...pending.comments].sort());

      const next = takeArticle();
      expect((await post(DELETE, { id: next.id }, next.authorId)).body).toEqual({ data: { deleteArticle: true } });
      expect(await idsOfArticle(pending.id)).toEqual([]);
      expect(await idsOfArticle(next.id)).toEqual([]);
      expect(await pendingDeletions(10)).toEqual([]);
    });

    it("comments' own sweep, once it is back, finishes the clean-up", async () => {
      const pending = await deleteWhileCommentsDown();
      await system.startSubgraph('comments');
      cleanupSweep.setInterval(0);
      try {
        // Any request reaching comments starts a pass in the background.
        await post('{ comments(first: 1) { nodes { id } } }');
      } finally {
        cleanupSweep.setInterval(3600);
      }
      await cleanupSweep.idle();
      expect(await pendingDeletions(10)).toEqual([]);
      expect(await idsOfArticle(pending.id)).toEqual([]);
      for (const node of await articleCounts()) expect(node.commentCount).toBe(node.comments.nodes.length);
    });

    it('the repair finishes the clean-up, with comments still down, and a second repair finds nothing', async () => {
      const pending = await deleteWhileCommentsDown();
      try {
        const report = await repairStores(system.stores, { settleAfterMs: 0 });
        expect(report.deletionsFinished).toEqual([{ articleId: pending.id, commentsRemoved: pending.comments.length }]);
        expect(report).toMatchObject({ orphansRemoved: [], countsFixed: [], countsBusy: [] });
      } finally {
        await system.startSubgraph('comments');
      }
      expect(await idsOfArticle(pending.id)).toEqual([]);
      expect(await repairStores(system.stores, { settleAfterMs: 0 })).toMatchObject({ deletionsFinished: [], orphansRemoved: [], countsFixed: [], countsBusy: [] });
    });
  });

  it('the repair sets a counter forced out of step back to the comments stored, and removes comments of no article', async () => {
    const article = takeArticle();
    const stored = commentsOf(article.id).length;
    const { client, tables } = system.stores;
    await client.send(new PutCommand({ TableName: tables.comments, Item: { pk: `COUNT#${article.id}`, count: stored + 44, v: 1 } }));
    await new DynamoCommentsRepository(client, tables.comments).putComment({ id: 'orphan-comment', body: 'Of nothing', articleId: 'no-such-article', authorId: article.authorId, createdAt: new Date().toISOString() });
    expect((await articleCounts()).find((node) => node.id === article.id)?.commentCount).toBe(stored + 44);

    const report = await repairStores(system.stores, { settleAfterMs: 0 });
    expect(report.countsFixed).toEqual([{ articleId: article.id, was: stored + 44, counted: stored }]);
    expect(report.orphansRemoved).toEqual([{ articleId: 'no-such-article', commentsRemoved: 1 }]);
    expect((await articleCounts()).find((node) => node.id === article.id)?.commentCount).toBe(stored);
    expect((await allComments()).map((comment) => comment.id)).not.toContain('orphan-comment');
    expect(await repairStores(system.stores, { settleAfterMs: 0 })).toMatchObject({ deletionsFinished: [], orphansRemoved: [], countsFixed: [] });
  });
});
