import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { postGraphQL } from '@bff/kit/local';

import { demoData } from '../src/demoData';
import { type LocalSystem, startLocalSystem } from '../src/localSystem';

interface ArticlesData {
  articles: { title: string; author: { name: string }; comments: { body: string; author: { name: string } }[] }[];
}

describe('the whole local system, end to end over HTTP', () => {
  let workDir: string;
  let system: LocalSystem;
  const data = demoData();

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'bff-e2e-'));
    system = await startLocalSystem({ workDir, seed: data });
  });
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

  it('joins the seeded data across all three subgraphs in one query', async () => {
    const result = await postGraphQL<ArticlesData>(
      system.gatewayUrl,
      '{ articles { title author { name } comments { body author { name } } } }',
    );
    expect(result.status).toBe(200);
    expect(result.body.errors).toBeUndefined();
    const articles = result.body.data!.articles;

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
      expect(article.comments).toEqual(
        expectedComments.map((comment) => ({ body: comment.body, author: { name: userName.get(comment.authorId) } })),
      );
    });
    expect(articles.flatMap((article) => article.comments)).toHaveLength(data.comments.length);
  });

  it('answers malformed JSON, an unknown field and a wrong method with GraphQL errors and 4xx', async () => {
    const malformed = await fetch(system.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'nope' });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({
      errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }],
    });
    const unknown = await postGraphQL(system.gatewayUrl, '{ articles { wordCount } }');
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
    const dataDir = await mkdtemp(join(tmpdir(), 'bff-disk-'));
    const small = demoData({ users: 2, articles: 3, comments: 4 });
    try {
      const first = await startLocalSystem({ dataDir, workDir: dataDir, seed: small });
      expect(first.seededItems).toBe(9);
      await first.close();
      const second = await startLocalSystem({ dataDir, workDir: dataDir, seed: small });
      try {
        expect(second.seededItems).toBe(0);
        const result = await postGraphQL<{ articles: unknown[] }>(second.gatewayUrl, '{ articles { id } }');
        expect(result.body.data?.articles).toHaveLength(3);
      } finally {
        await second.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
