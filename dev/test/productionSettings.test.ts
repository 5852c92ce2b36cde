import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { articlesTable } from '@bff/articles/table';
import { commentsTable } from '@bff/comments/table';
import { createGatewayHandler, handler as gatewayHandler, LocalFileRegistry, readGatewaySettings } from '@bff/gateway';
import { type ApiGatewayHandler, readRuntimeSettings, Secrets } from '@bff/kit/core';
import { type LocalLambdaServer, type LocalStore, postGraphQL, startLocalStoreWithTables } from '@bff/kit/local';
import { postSignedGraphQL, serveTestLambda } from '@bff/test-support';
import { usersTable } from '@bff/users/table';

// Every setting the four Lambdas read in production, unset before each scenario sets its own.
const SETTINGS = [
  'USERS_IDEMPOTENCY_TABLE',
  'ARTICLES_IDEMPOTENCY_TABLE',
  'COMMENTS_IDEMPOTENCY_TABLE',
  'COMMENTS_URL',
  'JWT_SECRET',
  'INTERNAL_SIGNING_SECRET',
  'CURSOR_SECRET',
  'AUTH_SECRET_ARN',
  'USERS_TABLE',
  'ARTICLES_TABLE',
  'COMMENTS_TABLE',
  'ARTICLES_URL',
  'REGISTRY_FILE',
  'REGISTRY_SSM_PREFIX',
  'SUPERGRAPH_CACHE_DIR',
  'DYNAMODB_ENDPOINT',
];
const SECRETS = { JWT_SECRET: 'j'.repeat(40), INTERNAL_SIGNING_SECRET: 'i'.repeat(40), CURSOR_SECRET: 'c'.repeat(40) };
/** SECRETS as keys: what the tests sign their calls to a subgraph with, as the gateway would. */
const signing = { secrets: new Secrets(readRuntimeSettings(SECRETS).secrets) };
// What a stage's stacks set besides: table names and the services' URLs for one another.
const STAGE = {
  USERS_TABLE: 'prod-users',
  ARTICLES_TABLE: 'prod-articles',
  COMMENTS_TABLE: 'prod-comments',
  USERS_IDEMPOTENCY_TABLE: 'prod-users-idempotency',
  ARTICLES_IDEMPOTENCY_TABLE: 'prod-articles-idempotency',
  COMMENTS_IDEMPOTENCY_TABLE: 'prod-comments-idempotency',
};
const NAMES = ['gateway', 'users', 'articles', 'comments'] as const;
type Name = (typeof NAMES)[number];

/** The error lines the services log (Powertools, JSON on stderr) while `run` runs. */
async function errorLines(run: () => Promise<void>): Promise<{ service: string; message: string }[]> {
  const chunks: string[] = [];
  const write = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(chunk.toString());
    return true;
  });
  try {
    await run();
  } finally {
    write.mockRestore();
  }
  return chunks
    .join('')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { service: string; message: string });
}

/**
 * Each subgraph's Lambda entry as deployed, loaded afresh: a cold start, which parses the
 * environment of this moment, once. (The gateway's entry is the one imported above: it reads
 * the environment on each request until its settings are right, and loads its engine lazily,
 * which an isolated module registry would not share.)
 */
async function loadSubgraphHandlers(): Promise<Record<Exclude<Name, 'gateway'>, ApiGatewayHandler>> {
  let handlers: Record<Exclude<Name, 'gateway'>, ApiGatewayHandler> | undefined;
  await jest.isolateModulesAsync(async () => {
    handlers = {
      users: (await import('@bff/users')).handler,
      articles: (await import('@bff/articles')).handler,
      comments: (await import('@bff/comments')).handler,
    };
  });
  return handlers!;
}

describe('in production, each Lambda checks its settings and fails closed', () => {
  const saved = { ...process.env };
  const servers: LocalLambdaServer[] = [];
  const urls = {} as Record<Name, string>;
  let dir: string;
  let store: LocalStore;
  /** The handler each server passes its requests to: the latest cold start's. */
  const current = { gateway: gatewayHandler } as Record<Name, ApiGatewayHandler>;
  const coldStartSubgraphs = async () => Object.assign(current, await loadSubgraphHandlers());

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bff-production-'));
    for (const name of SETTINGS) delete process.env[name];
    // The tables as production names them (the stage's names), in the local store.
    store = await startLocalStoreWithTables([
      { tableName: STAGE.USERS_TABLE, definition: usersTable },
      { tableName: STAGE.ARTICLES_TABLE, definition: articlesTable },
      { tableName: STAGE.COMMENTS_TABLE, definition: commentsTable },
    ]);
    // The local store stands in for DynamoDB: the entries find it through their settings, as they would any endpoint.
    Object.assign(process.env, { NODE_ENV: 'production', POWERTOOLS_LOG_LEVEL: 'ERROR', DYNAMODB_ENDPOINT: store.endpoint });
    await coldStartSubgraphs();
    for (const name of NAMES) {
      const server = await serveTestLambda((event, context) => current[name](event, context), name);
      servers.push(server);
      urls[name] = `${server.origin}/graphql`;
    }
  });
  afterAll(async () => {
    for (const server of servers) await server.close();
    await store.close();
    process.env = { ...saved };
    await rm(dir, { recursive: true, force: true });
  });

  it('answers SERVICE_MISCONFIGURED (503) without its secrets and settings, and logs one line naming them', async () => {
    const logged = await errorLines(async () => {
      for (const name of NAMES) {
        for (let attempt = 0; attempt < 2; attempt++) {
          const answer = await postGraphQL(urls[name], '{ __typename }');
          expect(answer.status).toBe(503);
          expect(answer.body.errors?.[0]?.extensions).toEqual({ code: 'SERVICE_MISCONFIGURED' });
          expect(answer.body.errors?.[0]?.message).toBe(`The ${name} service is misconfigured and cannot answer; its log says what is missing.`);
        }
      }
    });
    const secrets = (names: string) => `${names} must be set in production (or AUTH_SECRET_ARN, a Secrets Manager secret holding them)`;
    const expected: Record<Name, string[]> = {
      gateway: [secrets('JWT_SECRET and INTERNAL_SIGNING_SECRET'), 'Neither REGISTRY_SSM_PREFIX nor REGISTRY_FILE is set'],
      users: ['USERS_TABLE must be set in production', secrets('JWT_SECRET and INTERNAL_SIGNING_SECRET')],
      articles: ['ARTICLES_TABLE must be set in production', secrets('JWT_SECRET and INTERNAL_SIGNING_SECRET'), secrets('CURSOR_SECRET')],
      comments: [
        'COMMENTS_TABLE must be set in production',
        'ARTICLES_URL must be set in production',
        secrets('JWT_SECRET and INTERNAL_SIGNING_SECRET'),
        secrets('CURSOR_SECRET'),
      ],
    };
    // One line each, however many requests were refused.
    expect(logged.map((line) => line.service)).toEqual([...NAMES]);
    for (const line of logged) {
      expect(line.message).toMatch(new RegExp(`^The ${line.service} service is misconfigured: `));
      for (const part of expected[line.service as Name]) expect(line.message).toContain(part);
    }
  });

  it('names a secret that is too short', async () => {
    Object.assign(process.env, { ...SECRETS, ...STAGE, ARTICLES_URL: urls.articles, COMMENTS_URL: urls.comments, CURSOR_SECRET: 'too short' });
    await coldStartSubgraphs();
    const logged = await errorLines(async () => {
      expect((await postGraphQL(urls.articles, '{ __typename }')).status).toBe(503);
      // users needs no cursor key: its settings are complete, and it goes on to refuse a call the gateway did not sign.
      expect((await postGraphQL(urls.users, '{ __typename }')).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });
    expect(logged.map((line) => [line.service, line.message])).toEqual([
      ['articles', 'The articles service is misconfigured: CURSOR_SECRET must be at least 32 bytes long'],
    ]);
  });

  it('answers once its settings are complete, with no "Did you mean" hints at the gateway or in a subgraph', async () => {
    const registryFile = join(dir, 'registry.json');
    const subgraphs = NAMES.filter((name) => name !== 'gateway').map((name) => ({ name, url: urls[name] }));
    await writeFile(registryFile, JSON.stringify({ subgraphs }));
    Object.assign(process.env, { ...SECRETS, REGISTRY_FILE: registryFile });
    await coldStartSubgraphs();

    const logged = await errorLines(async () => {
      expect(await postGraphQL(urls.gateway, '{ __typename }')).toMatchObject({ status: 200, body: { data: { __typename: 'Query' } } });
      const gateway = await postGraphQL(urls.gateway, '{ articels(first: 1) { nodes { title } } }');
      expect(gateway.body.errors?.[0]?.message).toBe('Cannot query field "articels" on type "Query".');
      const users = await postSignedGraphQL(urls.users, '{ me { nmae } }', undefined, null, signing);
      expect(users.body.errors?.[0]?.message).toBe('Cannot query field "nmae" on type "User".');
    });
    expect(logged).toEqual([]);
  });
});

describe('outside production', () => {
  const saved = { ...process.env };
  const servers: LocalLambdaServer[] = [];
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bff-development-'));
    for (const name of SETTINGS) delete process.env[name];
    // One set of secrets for the gateway here and the handlers loaded afresh below.
    Object.assign(process.env, SECRETS);
    delete process.env.NODE_ENV;
  });
  afterAll(async () => {
    for (const server of servers) await server.close();
    process.env = { ...saved };
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps the developer defaults and the "Did you mean" hints, at the gateway and in a subgraph', async () => {
    const handlers = await loadSubgraphHandlers();
    const registry: { name: string; url: string }[] = [];
    for (const name of ['users', 'articles', 'comments'] as const) {
      const server = await serveTestLambda(handlers[name], name);
      servers.push(server);
      registry.push({ name, url: `${server.origin}/graphql` });
    }
    const registryFile = join(dir, 'registry.json');
    await writeFile(registryFile, JSON.stringify({ subgraphs: registry }));
    // The gateway with the subgraphs' keys, and every other setting a developer's.
    const { registry: _registry, ...settings } = readGatewaySettings(SECRETS);
    const gatewayServer = await serveTestLambda(createGatewayHandler({ registry: new LocalFileRegistry(registryFile), settings }), 'gateway');
    servers.push(gatewayServer);

    const gateway = await postGraphQL(`${gatewayServer.origin}/graphql`, '{ articels(first: 1) { nodes { title } } }');
    expect(gateway.body.errors?.[0]?.message).toBe('Cannot query field "articels" on type "Query". Did you mean "articles" or "article"?');
    const users = await postSignedGraphQL(registry[0]!.url, '{ me { nmae } }', undefined, null, signing);
    expect(users.body.errors?.[0]?.message).toBe('Cannot query field "nmae" on type "User". Did you mean "name"?');
  });
});
