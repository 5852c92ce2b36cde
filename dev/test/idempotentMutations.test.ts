import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createGatewayHandler, ENGINE_NAMES, LocalFileRegistry, readGatewaySettings } from '@bff/gateway';
import type { ApiGatewayHandler } from '@bff/kit/core';
import { type GraphQLHttpResult, type LocalLambdaServer, postGraphQL } from '@bff/kit/local';
import { serveTestLambda } from '@bff/test-support';

import { IDEMPOTENCY_HEADER, isRetryableAnswer, retrying } from '../../frontend/src/api/mutationRetry';
import { demoData } from '../src/demoData';
import { type LocalSystem, startLocalSystem } from '../src/localSystem';

/** What a test makes the services do: set before a request, reset after each test. */
interface Trouble {
  /** Comments handles this many requests (the comment is written), then answers 503 anyway. */
  commentsFailAfterHandling: number;
  /** Articles answers this late: comments asks it whether an article exists before it writes. */
  articlesDelayMs: number;
}
const noTrouble = (): Trouble => ({ commentsFailAfterHandling: 0, articlesDelayMs: 0 });

interface Comment {
  id: string;
  body: string;
  author: { name: string } | null;
  article: { title: string } | null;
}
type AddCommentAnswer = GraphQLHttpResult<{ addComment: Comment }>;

const ADD_COMMENT = `mutation AddComment($input: AddCommentInput!) {
  addComment(input: $input) { id body author { name } article { title } }
}`;
const ORIGIN = 'http://localhost:5173';
// Retries come quickly: the tests wait for them.
const ENV = { UPSTREAM_BACKOFF_MS: '5' };
const COMMENTS_OF = `query ($id: ID!) { article(id: $id) { commentCount comments(first: 100) { nodes { id body } } } }`;

describe.each(ENGINE_NAMES)('idempotent mutations through the whole local system, %s engine', (engine) => {
  const data = demoData();
  const article = data.articles[0]!;
  const [ada, grace] = data.users;
  let workDir: string;
  let system: LocalSystem;
  let adaToken: string;
  const trouble = noTrouble();
  /** The bodies of the mutation requests the comments subgraph got. */
  const commentsRequests: string[] = [];
  const extraGateways: LocalLambdaServer[] = [];

  const instrument = (name: string, handler: ApiGatewayHandler): ApiGatewayHandler => async (event, context) => {
    if (name === 'articles' && trouble.articlesDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, trouble.articlesDelayMs));
    if (name !== 'comments') return handler(event, context);
    if (/^\{"query":"mutation\b/.test(event.body ?? '')) commentsRequests.push(event.body ?? '');
    const result = await handler(event, context);
    if (trouble.commentsFailAfterHandling > 0) {
      trouble.commentsFailAfterHandling--;
      return { statusCode: 503, body: 'Service Unavailable' };
    }
    return result;
  };

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'bff-idempotency-'));
    system = await startLocalSystem({ workDir, seed: data, env: ENV, gatewaySettings: { engine, corsOrigins: [ORIGIN] }, instrument });
    adaToken = await system.accessToken(ada!.id);
  }, 60_000);
  afterAll(async () => {
    for (const gateway of extraGateways) await gateway.close();
    await system.close();
    await rm(workDir, { recursive: true, force: true });
  });
  afterEach(() => {
    Object.assign(trouble, noTrouble());
    commentsRequests.length = 0;
  });

  /** Adds a comment as `token`'s user through the gateway `url`, with `key` as the Idempotency-Key when given. */
  const addComment = (body: string, key?: string, token = adaToken, url = system.gatewayUrl): Promise<AddCommentAnswer> =>
    postGraphQL(url, ADD_COMMENT, { input: { articleId: article.id, body } }, {
      authorization: `Bearer ${token}`,
      ...(key ? { [IDEMPOTENCY_HEADER]: key } : {}),
    });

  /** The article's stored comments and its count, as a reader sees them. */
  async function stored(): Promise<{ count: number; bodies: string[] }> {
    const result = await postGraphQL<{ article: { commentCount: number; comments: { nodes: { body: string }[] } } }>(
      system.gatewayUrl,
      COMMENTS_OF,
      { id: article.id },
    );
    expect(result.body.errors).toBeUndefined();
    const found = result.body.data!.article;
    return { count: found.commentCount, bodies: found.comments.nodes.map((comment) => comment.body) };
  }
  const copies = (bodies: string[], body: string) => bodies.filter((each) => each === body).length;

  it('stores one comment for the same key sent twice, answers both with it, and raises commentCount by one', async () => {
    const before = await stored();
    const key = randomUUID();
    const first = await addComment('Once, whatever happens.', key);
    const again = await addComment('Once, whatever happens.', key);
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data?.addComment).toMatchObject({ body: 'Once, whatever happens.', author: { name: ada!.name }, article: { title: article.title } });
    // The replay is the first result, and the other services' fields resolve on it alike.
    expect(again.body).toEqual(first.body);
    const after = await stored();
    expect(copies(after.bodies, 'Once, whatever happens.')).toBe(1);
    expect(after.count).toBe(before.count + 1);
  });

  it('refuses the same key with another input: BAD_USER_INPUT naming the reuse, and nothing is stored', async () => {
    const key = randomUUID();
    await addComment('The first input.', key);
    const before = await stored();
    const other = await addComment('Another input.', key);
    expect(other.body.data).toBeNull();
    expect(other.body.errors?.[0]).toMatchObject({
      message: 'This Idempotency-Key was already used for a request with other arguments: send a new key for a new request.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const after = await stored();
    expect(copies(after.bodies, 'Another input.')).toBe(0);
    expect(after.count).toBe(before.count);
  });

  it('keeps two users apart who happen to send one key', async () => {
    const key = randomUUID();
    const graceToken = await system.accessToken(grace!.id);
    const mine = await addComment('Same words, two people.', key);
    const theirs = await addComment('Same words, two people.', key, graceToken);
    expect(theirs.body.data?.addComment.author).toEqual({ name: grace!.name });
    expect(theirs.body.data?.addComment.id).not.toBe(mine.body.data?.addComment.id);
  });

  it('stores one comment for two concurrent requests with one key: the other is told REQUEST_IN_PROGRESS, then gets the result', async () => {
    const before = await stored();
    const key = randomUUID();
    // The first one waits on articles (does the article exist?) while the second arrives.
    trouble.articlesDelayMs = 400;
    const answers = await Promise.all([addComment('Sent twice at once.', key), addComment('Sent twice at once.', key)]);
    trouble.articlesDelayMs = 0;
    const done = answers.find((answer) => answer.body.data?.addComment);
    const busy = answers.find((answer) => answer !== done);
    expect(done?.body.errors).toBeUndefined();
    expect(busy?.body.data).toBeNull();
    expect(busy?.body.errors?.[0]?.extensions).toMatchObject({ code: 'REQUEST_IN_PROGRESS', retryable: true });
    // Sent again, the one that was told to wait gets the first result.
    expect((await addComment('Sent twice at once.', key)).body).toEqual(done?.body);
    const after = await stored();
    expect(copies(after.bodies, 'Sent twice at once.')).toBe(1);
    expect(after.count).toBe(before.count + 1);
  });

  it('lets the gateway retry a keyed mutation after the service wrote it but answered 503: the client gets it, written once', async () => {
    const before = await stored();
    trouble.commentsFailAfterHandling = 1;
    const answer = await addComment('Written, then a 503.', randomUUID());
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data?.addComment.body).toBe('Written, then a 503.');
    // The first attempt wrote it and failed on the way back; the second was answered from the record.
    expect(commentsRequests).toHaveLength(2);
    const after = await stored();
    expect(copies(after.bodies, 'Written, then a 503.')).toBe(1);
    expect(after.count).toBe(before.count + 1);
  });

  it('never retries a mutation without a key, and says its outcome is unknown (here it was written)', async () => {
    const before = await stored();
    trouble.commentsFailAfterHandling = 1;
    const answer = await addComment('Written, then a 503, no key.');
    expect(commentsRequests).toHaveLength(1);
    expect(answer.body.data).toBeNull();
    expect(answer.body.errors?.[0]?.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'comments', outcome: 'unknown' });
    const after = await stored();
    expect(copies(after.bodies, 'Written, then a 503, no key.')).toBe(1);
    expect(after.count).toBe(before.count + 1);
  });

  it('stores a timed-out keyed mutation once when the client retries it with its key (the frontend’s retry policy)', async () => {
    // A gateway of its own whose time limit for comments is shorter than articles' delay.
    const { registry: _registry, ...settings } = readGatewaySettings({ ...ENV, UPSTREAM_TIMEOUT_MS_COMMENTS: '500' });
    const handler = createGatewayHandler({ registry: new LocalFileRegistry(system.registryFile), settings: { ...settings, engine } });
    const gateway = await serveTestLambda(handler, `gateway-${engine}-short`);
    extraGateways.push(gateway);
    const url = `${gateway.origin}/graphql`;
    // Its first request loads the supergraph (asking each service for its SDL): before articles is slowed down.
    expect((await postGraphQL(url, '{ __typename }')).body).toEqual({ data: { __typename: 'Query' } });
    const before = await stored();
    const key = randomUUID();
    const codes: (string | undefined)[] = [];
    trouble.articlesDelayMs = 1_200;
    const answer = await retrying(
      async () => {
        const attempt = await addComment('Timed out, retried.', key, adaToken, url);
        // The first attempt ran into the limit; later ones, with the delay gone, find the first one running or done.
        trouble.articlesDelayMs = 0;
        codes.push(attempt.body.errors?.[0]?.extensions?.code as string | undefined);
        return attempt;
      },
      (outcome) =>
        'answer' in outcome &&
        isRetryableAnswer({
          status: outcome.answer.status,
          hasData: Boolean(outcome.answer.body.data),
          errorCodes: (outcome.answer.body.errors ?? []).map((error) => error.extensions?.code as string | undefined),
        }),
      { attempts: 20, firstBackoffMs: 100 },
    );
    expect(codes[0]).toBe('SUBGRAPH_TIMEOUT');
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data?.addComment.body).toBe('Timed out, retried.');
    const after = await stored();
    expect(copies(after.bodies, 'Timed out, retried.')).toBe(1);
    expect(after.count).toBe(before.count + 1);
  });

  it('makes the other services\' mutations idempotent too: one article, one account, for a key sent twice', async () => {
    const key = randomUUID();
    const createArticle = () =>
      postGraphQL<{ createArticle: { id: string } }>(
        system.gatewayUrl,
        'mutation ($input: CreateArticleInput!) { createArticle(input: $input) { id title author { name } } }',
        { input: { title: `Idempotent ${key}`, body: 'Once.' } },
        { authorization: `Bearer ${adaToken}`, [IDEMPOTENCY_HEADER]: key },
      );
    const article = await createArticle();
    expect(article.body.errors).toBeUndefined();
    expect((await createArticle()).body).toEqual(article.body);
    const titles = await postGraphQL<{ articles: { nodes: { title: string }[] } }>(system.gatewayUrl, '{ articles(first: 100) { nodes { title } } }');
    expect(titles.body.data?.articles.nodes.filter((node) => node.title === `Idempotent ${key}`)).toHaveLength(1);

    // Without its key, a repeated sign-up would be refused (the email is taken); with it, it gets the first answer.
    const register = () =>
      postGraphQL<{ register: { token: string; user: { id: string } } }>(
        system.gatewayUrl,
        'mutation ($input: RegisterInput!) { register(input: $input) { token user { id name email } } }',
        { input: { name: 'Once Only', email: `once-${key}@example.com`, password: 'a good password' } },
        { [IDEMPOTENCY_HEADER]: key },
      );
    const account = await register();
    expect(account.body.errors).toBeUndefined();
    expect((await register()).body).toEqual(account.body);
  });

  it('lets a browser send the header: the CORS preflight allows it', async () => {
    const preflight = await fetch(system.gatewayUrl, {
      method: 'OPTIONS',
      headers: { origin: ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, idempotency-key' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')?.split(/,\s*/)).toContain('idempotency-key');
  });

  it('refuses a malformed Idempotency-Key with BAD_USER_INPUT (HTTP 400) naming the header, before calling any service', async () => {
    const before = await stored();
    const answer = await addComment('Bad key.', 'not a valid key!');
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.message).toMatch(/^The Idempotency-Key header must be/);
    expect(answer.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(commentsRequests).toHaveLength(0);
    expect((await stored()).count).toBe(before.count);
  });
});
