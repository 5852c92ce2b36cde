import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type GraphQLHttpResult, postGraphQL } from '@bff/kit/local';

import { ENGINE_NAMES } from '@bff/gateway';

import { demoData } from '../src/demoData';
import { type LocalSystem, startLocalSystem } from '../src/localSystem';

interface ArticlesData {
  articles: {
    nodes: {
      title: string;
      author: { name: string };
      commentCount: number;
      comments: { nodes: { body: string; author: { name: string } }[] };
    }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

const JOINED = `query ($after: String) {
  articles(first: 10, after: $after) {
    nodes { title author { name } commentCount comments(first: 100) { nodes { body author { name } } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

describe.each(ENGINE_NAMES)('the whole local system, end to end over HTTP, %s engine', (engine) => {
  let workDir: string;
  let system: LocalSystem;
  const data = demoData();

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'bff-e2e-'));
    system = await startLocalSystem({ workDir, seed: data, gatewaySettings: { engine } });
    expect(system.engine).toBe(engine);
  }, 60_000);
  afterAll(async () => {
    await system.close();
    await rm(workDir, { recursive: true, force: true });
  });

  it('writes a registry listing the three subgraphs', async () => {
    const registry = JSON.parse(await readFile(system.registryFile, 'utf8')) as { subgraphs: { name: string; url: string }[] };
    expect(registry.subgraphs.map((subgraph) => subgraph.name)).toEqual(['users', 'articles', 'comments']);
    expect(registry.subgraphs).toEqual(system.subgraphs);
    expect(system.seededItems).toBe(data.users.length + data.articles.length + data.comments.length);
  });

  it('joins the seeded data across all three subgraphs, page by page', async () => {
    const articles: ArticlesData['articles']['nodes'] = [];
    let after: string | null = null;
    do {
      const result: GraphQLHttpResult<ArticlesData> = await postGraphQL<ArticlesData>(system.gatewayUrl, JOINED, { after });
      expect(result.status).toBe(200);
      expect(result.body.errors).toBeUndefined();
      articles.push(...result.body.data!.articles.nodes);
      after = result.body.data!.articles.pageInfo.hasNextPage ? result.body.data!.articles.pageInfo.endCursor : null;
    } while (after);

    // Newest first, every article with its author's name and its comments with theirs.
    const newestFirst = [...data.articles].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    expect(articles.map((article) => article.title)).toEqual(newestFirst.map((article) => article.title));
    const userName = new Map(data.users.map((user) => [user.id, user.name]));
    newestFirst.forEach((expected, i) => {
      const article = articles[i]!;
      expect(article.author.name).toBe(userName.get(expected.authorId));
      const expectedComments = data.comments
        .filter((comment) => comment.articleId === expected.id)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      expect(article.commentCount).toBe(expectedComments.length);
      expect(article.comments.nodes).toEqual(
        expectedComments.map((comment) => ({ body: comment.body, author: { name: userName.get(comment.authorId) } })),
      );
    });
    expect(articles.flatMap((article) => article.comments.nodes)).toHaveLength(data.comments.length);
  });

  it('signs up, logs in, writes an article, comments on it and reads it back through the gateway', async () => {
    const post = <T>(query: string, variables?: Record<string, unknown>, token?: string) =>
      postGraphQL<T>(system.gatewayUrl, query, variables, token ? { authorization: `Bearer ${token}` } : {});
    const registered = await post<{ register: { token: string; user: { id: string } } }>(
      'mutation ($input: RegisterInput!) { register(input: $input) { token user { id } } }',
      { input: { name: 'Frontend Dev', email: `dev-${engine}@example.com`, password: 'a long password' } },
    );
    expect(registered.body.errors).toBeUndefined();
    const login = await post<{ login: { token: string; user: { id: string; email: string } } }>(
      'mutation ($email: String!) { login(email: $email, password: "a long password") { token user { id email } } }',
      { email: `DEV-${engine}@example.com` },
    );
    expect(login.body.data?.login.user).toEqual({ id: registered.body.data!.register.user.id, email: `dev-${engine}@example.com` });
    const token = login.body.data!.login.token;

    const created = await post<{ createArticle: { id: string } }>(
      'mutation { createArticle(input: { title: "Through the gateway", body: "One endpoint." }) { id } }',
      undefined,
      token,
    );
    const articleId = created.body.data!.createArticle.id;
    const commented = await post<{ addComment: { id: string } }>(
      'mutation ($id: ID!) { addComment(input: { articleId: $id, body: "First!" }) { id } }',
      { id: articleId },
      token,
    );
    expect(commented.body.errors).toBeUndefined();

    const readBack = await post(
      `query ($id: ID!) { article(id: $id) { title author { name email } commentCount comments { nodes { body author { name } article { title } } } } me { articles { nodes { id } } comments { nodes { body } } } }`,
      { id: articleId },
      token,
    );
    expect(readBack.body).toEqual({
      data: {
        article: {
          title: 'Through the gateway',
          author: { name: 'Frontend Dev', email: `dev-${engine}@example.com` },
          commentCount: 1,
          comments: { nodes: [{ body: 'First!', author: { name: 'Frontend Dev' }, article: { title: 'Through the gateway' } }] },
        },
        me: { articles: { nodes: [{ id: articleId }] }, comments: { nodes: [{ body: 'First!' }] } },
      },
    });
    // The newest article now heads the list for everyone, without the author's email.
    const list = await post<{ articles: { nodes: { id: string; author: { email: string | null } }[] } }>(
      '{ articles(first: 1) { nodes { id author { email } } } }',
    );
    expect(list.body.data?.articles.nodes).toEqual([{ id: articleId, author: { email: null } }]);
  });

  it('answers malformed JSON, an unknown field and a wrong method with GraphQL errors and 4xx', async () => {
    const malformed = await fetch(system.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'nope' });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({
      errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }],
    });
    const unknown = await postGraphQL(system.gatewayUrl, '{ articles { nodes { wordCount } } }');
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors?.[0]).toMatchObject({
      message: 'Cannot query field "wordCount" on type "Article".',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    const wrongMethod = await fetch(system.gatewayUrl, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(wrongMethod.status).toBe(405);
    expect(((await wrongMethod.json()) as { errors: unknown[] }).errors).toHaveLength(1);
  });
});

describe('the local system on disk', () => {
  it('seeds the demo data once and keeps it across restarts', async () => {
    // (Signing up the demo accounts hashes their passwords with scrypt: seconds, not milliseconds.)
    const dataDir = await mkdtemp(join(tmpdir(), 'bff-disk-'));
    const small = demoData({ users: 2, articles: 3, comments: 4 });
    try {
      const first = await startLocalSystem({ dataDir, workDir: dataDir, seed: small });
      expect(first.seededItems).toBe(9);
      await first.close();
      const second = await startLocalSystem({ dataDir, workDir: dataDir, seed: small });
      try {
        expect(second.seededItems).toBe(0);
        const result = await postGraphQL<{ articles: { nodes: unknown[] } }>(second.gatewayUrl, '{ articles { nodes { id } } }');
        expect(result.body.data?.articles.nodes).toHaveLength(3);
      } finally {
        await second.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
