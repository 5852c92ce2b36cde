import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { DynamoArticlesRepository } from '@bff/articles/repository';
import { DynamoCommentCountsRepository } from '@bff/comments/countsRepository';
import { DynamoCommentsRepository } from '@bff/comments/repository';
import { documentClient, idempotencyTable, idempotencyTableEnv, readRuntimeSettings, Secrets } from '@bff/kit';
import { graphqlPostEvent, type LocalLambdaServer, type LocalStore, startLocalStoreWithTables } from '@bff/kit/local';
import { DynamoUsersRepository } from '@bff/users/repository';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { graphqlSync, parse } from 'graphql';
import { LambdaProcess, type LambdaProcessOptions, serveTestLambda, signedHeaders } from '@bff/test-support';

import { findRepoRoot } from '../lib/repoRoot';
import { SERVICES } from '../lib/services';
import { supergraphParameterValue } from '../lib/supergraph/supergraphParameter';
import { createTestApp } from './support/testApp';

type FunctionResource = {
  Type: string;
  Properties: { FunctionName?: string; Handler?: string; Environment?: { Variables?: Record<string, unknown> } };
  Metadata?: Record<string, unknown>;
};
type GraphQLBody = { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] };

interface DeployedFunction {
  assetDir: string;
  /** The module Lambda loads: `Handler` before the dot. */
  handlerModule: string;
  /** The function's environment as deployed, literal values only: references to AWS resources are replaced below. */
  environment: Record<string, string>;
}

const repoRoot = findRepoRoot();
// ≥ 32 bytes each, as the kit requires; the same in every process, as one Secrets Manager secret would be.
const secrets = {
  JWT_SECRET: randomBytes(32).toString('hex'),
  INTERNAL_SIGNING_SECRET: randomBytes(32).toString('hex'),
  CURSOR_SECRET: randomBytes(32).toString('hex'),
};
/** This process's copy, to sign as the gateway does. */
const gatewaySecrets = new Secrets(readRuntimeSettings(secrets).secrets);
// Point at AWS services the test cannot reach: the gateway gets a registry file and plain upstream calls instead.
const AWS_ONLY = new Set(['REGISTRY_SSM_PREFIX', 'UPSTREAM_SIGV4', 'AUTH_SECRET_ARN']);

let outdir: string;
let store: LocalStore;
const deployed = new Map<string, DeployedFunction>();
const processes = new Map<string, LambdaProcess>();
const servers: LocalLambdaServer[] = [];

async function signedEvent(query: string, variables: Record<string, unknown> = {}): Promise<APIGatewayProxyEventV2> {
  const body = JSON.stringify({ query, variables });
  return graphqlPostEvent(body, await signedHeaders(body, { requestId: randomUUID(), secrets: gatewaySecrets }));
}

function bodyOf(result: APIGatewayProxyStructuredResultV2): GraphQLBody {
  return JSON.parse(result.body ?? '') as GraphQLBody;
}

const localTable = (name: string) => `bundle-${name}`;
const process$ = (name: string): LambdaProcess => {
  const found = processes.get(name);
  if (!found) throw new Error(`no process for ${name}`);
  return found;
};

function deployedFunction(functionName: string): DeployedFunction {
  const fn = deployed.get(functionName);
  if (!fn) throw new Error(`${functionName} is not in the cloud assembly`);
  return fn;
}

const functionEnv: Record<string, Record<string, string>> = {};

function launch(functionName: string, env: Record<string, string>, options: LambdaProcessOptions = {}): Promise<LambdaProcess> {
  const fn = deployedFunction(functionName);
  const environment = {
    ...fn.environment,
    ...secrets,
    POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'SILENT',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    ...env,
  };
  functionEnv[functionName] = environment;
  return LambdaProcess.start(fn.assetDir, fn.handlerModule, functionName, environment, options);
}

async function startFunction(name: string, functionName: string, env: Record<string, string>): Promise<LambdaProcess> {
  const started = await launch(functionName, env);
  processes.set(name, started);
  return started;
}

beforeAll(async () => {
  // Outside the repository: a bundle that needed node_modules would fail to load here.
  outdir = await mkdtemp(join(tmpdir(), 'bff-infra-bundles-'));
  // Each bundle's code cache made by this Node, which the test's processes run: the loader takes it.
  const { app } = createTestApp({ bundle: true, outdir, context: { codeCache: 'local' } });
  const assembly = app.synth();
  for (const stack of assembly.stacks) {
    for (const resource of Object.values((stack.template as { Resources: Record<string, FunctionResource> }).Resources)) {
      if (resource.Type !== 'AWS::Lambda::Function' || !resource.Properties.FunctionName) continue;
      const assetPath = resource.Metadata?.['aws:asset:path'];
      if (typeof assetPath !== 'string') throw new Error(`${resource.Properties.FunctionName} has no asset path`);
      const variables = resource.Properties.Environment?.Variables ?? {};
      deployed.set(resource.Properties.FunctionName, {
        assetDir: join(outdir, assetPath),
        handlerModule: (resource.Properties.Handler ?? '').replace(/\.handler$/, ''),
        environment: Object.fromEntries(
          Object.entries(variables).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && !AWS_ONLY.has(entry[0])),
        ),
      });
    }
  }

  store = await startLocalStoreWithTables(
    SERVICES.flatMap((service) => [
      { tableName: localTable(service.name), definition: service.table },
      { tableName: localTable(`${service.name}-idempotency`), definition: idempotencyTable },
    ]),
  );

  const registry: { name: string; url: string }[] = [];
  for (const service of SERVICES) {
    const env: Record<string, string> = {
      DYNAMODB_ENDPOINT: store.endpoint,
      [service.tableEnv]: localTable(service.name),
      // Like the table's own name, a CloudFormation reference in the template: set here to the local table.
      [idempotencyTableEnv(service.name)]: localTable(`${service.name}-idempotency`),
    };
    for (const call of service.calls ?? []) {
      env[call.urlEnv] = registry.find((entry) => entry.name === call.subgraph)?.url ?? '';
    }
    const started = await startFunction(service.name, `${service.name}-dev-graphql`, env);
    const server = await serveTestLambda(started.handler, `${service.name}-dev-graphql`);
    servers.push(server);
    registry.push({ name: service.name, url: `${server.origin}/graphql` });
  }
  // The registry as the stacks write it, with the supergraph the deploy step writes beside it.
  const entries = SERVICES.map((service) => ({ ...registry.find((entry) => entry.name === service.name)!, sdl: readFileSync(join(repoRoot, service.schemaFile), 'utf8') }));
  const registryFile = join(outdir, 'registry.json');
  await writeFile(registryFile, JSON.stringify({ subgraphs: entries, supergraph: JSON.parse(supergraphParameterValue(entries).value) as unknown }));
  await startFunction('gateway', 'gateway-dev-graphql', { REGISTRY_FILE: registryFile });
}, 180_000);

afterAll(async () => {
  await Promise.all([...processes.values()].map((child) => child.stop()));
  await Promise.all(servers.map((server) => server.close()));
  await store?.close();
  if (outdir) await rm(outdir, { recursive: true, force: true });
});

it('synthesizes one bundle per function, minified, with a source map and no external imports, loaded with its code cache', () => {
  expect([...deployed.keys()].sort()).toEqual(['articles-dev-graphql', 'comments-dev-graphql', 'gateway-dev-graphql', 'users-dev-graphql']);
  for (const [functionName, fn] of deployed) {
    expect(fn.handlerModule).toBe('loader');
    expect(statSync(join(fn.assetDir, 'index.js.cache')).size).toBeGreaterThan(0);
    expect([functionName, processes.get(functionName.split('-')[0]!)?.codeCache]).toEqual([functionName, 'used']);
    const code = readFileSync(join(fn.assetDir, 'index.js'), 'utf8');
    expect(statSync(join(fn.assetDir, 'index.js.map')).size).toBeGreaterThan(0);
    // Minified: a handful of very long lines rather than one statement per line.
    expect(code.length / code.split('\n').length).toBeGreaterThan(1000);
    expect(fn.environment.NODE_ENV).toBe('production');
  }
});

/** The packages and files a bundle was built from, as its source map lists them. */
function sourcesOf(functionName: string): string[] {
  const fn = deployed.get(functionName);
  if (!fn) throw new Error(`${functionName} is not in the cloud assembly`);
  return (JSON.parse(readFileSync(join(fn.assetDir, 'index.js.map'), 'utf8')) as { sources: string[] }).sources;
}
const holds = (sources: string[], part: string) => sources.some((source) => source.includes(part));

it('leaves out of each bundle what it never runs: the other engine, subgraph code in the gateway, federation code everywhere', () => {
  const gateway = sourcesOf('gateway-dev-graphql');
  expect(holds(gateway, 'gateway/src/engines/stitchEngine.ts')).toBe(true);
  for (const part of ['node_modules/@apollo/gateway/', 'node_modules/@apollo/subgraph/', 'node_modules/@apollo/federation-internals/', 'client-dynamodb', 'kit/src/createSubgraphHandler.ts']) {
    expect([part, holds(gateway, part)]).toEqual([part, false]);
  }
  for (const service of SERVICES) {
    const sources = sourcesOf(`${service.name}-dev-graphql`);
    expect(holds(sources, 'kit/src/schemaFromPrepared.ts')).toBe(true);
    // Only the two helpers the prepared schema needs, never buildSubgraphSchema and what it loads.
    expect(holds(sources, 'node_modules/@apollo/federation-internals/')).toBe(false);
    expect(holds(sources, '@apollo/subgraph/dist/buildSubgraphSchema')).toBe(false);
  }
  // users calls no other service: no subgraph client, no undici.
  expect(holds(sourcesOf('users-dev-graphql'), 'node_modules/undici/')).toBe(false);
});

it('holds one graphql, its ESM build: a second (CommonJS) copy would fail instanceof checks in production', () => {
  for (const functionName of deployed.keys()) {
    const graphql = sourcesOf(functionName).filter((source) => source.includes('node_modules/graphql/'));
    expect(graphql.length).toBeGreaterThan(50);
    expect([functionName, graphql.filter((source) => !source.endsWith('.mjs'))]).toEqual([functionName, []]);
  }
});

describe.each(SERVICES)('the deployed $name bundle', (service) => {
  it('answers _service { sdl } exactly as buildSubgraphSchema would at run time', async () => {
    const result = await process$(service.name).invoke(await signedEvent('{ _service { sdl } }'));
    expect(result.statusCode).toBe(200);
    const expected = graphqlSync({ schema: buildSubgraphSchema({ typeDefs: parse(readFileSync(join(repoRoot, service.schemaFile), 'utf8')) }), source: '{ _service { sdl } }' });
    expect(bodyOf(result)).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it('answers a malformed body with 400 and a GraphQL error', async () => {
    const body = '{"query": "{ _service { sdl } }"';
    const result = await process$(service.name).invoke(graphqlPostEvent(body, await signedHeaders(body, { requestId: randomUUID(), secrets: gatewaySecrets })));
    expect(result.statusCode).toBe(400);
    expect(bodyOf(result).errors?.[0]?.message).toEqual(expect.any(String));
  });

  it('refuses a call the gateway did not sign with 401', async () => {
    const result = await process$(service.name).invoke(graphqlPostEvent(JSON.stringify({ query: '{ _service { sdl } }' })));
    expect(result.statusCode).toBe(401);
    expect(bodyOf(result).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('without a code cache it can use, a bundle is compiled as require would and answers as before', () => {
  const cases: [string, 'rejected' | 'none', LambdaProcessOptions, boolean][] = [
    // V8 takes a cache only under the flags it was made with: another heap flag stands in for another Node or CPU.
    ['a cache V8 refuses (made under other V8 flags)', 'rejected', { execArgv: ['--max-semi-space-size=37'] }, false],
    ['no cache (-c codeCache=off)', 'none', {}, true],
  ];
  it.each(cases)('%s', async (_case, expected, options, withoutFile) => {
    const cacheFile = join(deployedFunction('users-dev-graphql').assetDir, 'index.js.cache');
    const original = readFileSync(cacheFile);
    if (withoutFile) await rm(cacheFile);
    let child: LambdaProcess | undefined;
    try {
      child = await launch('users-dev-graphql', functionEnv['users-dev-graphql'] ?? {}, options);
      expect(child.codeCache).toBe(expected);
      const query = '{ _service { sdl } }';
      expect(bodyOf(await child.invoke(await signedEvent(query)))).toEqual(bodyOf(await process$('users').invoke(await signedEvent(query))));
    } finally {
      await child?.stop();
      await writeFile(cacheFile, original);
    }
  });
});

describe('the deployed bundles read the data their service wrote', () => {
  const now = new Date().toISOString();
  const user = { id: randomUUID(), name: 'Ada Lovelace', email: 'ada@example.com', passwordHash: 'not-a-real-hash', createdAt: now };
  const article = { id: randomUUID(), title: 'Notes on the Engine', body: 'Bundled.', authorId: user.id, createdAt: now, updatedAt: now };
  const comment = { id: randomUUID(), body: 'First!', articleId: article.id, authorId: user.id, createdAt: now };

  beforeAll(async () => {
    // Written as each service's repository writes, to the tables the bundles were given.
    const client = documentClient({ dynamoEndpoint: store.endpoint });
    await new DynamoUsersRepository(client, localTable('users')).putUser(user);
    await new DynamoArticlesRepository(client, localTable('articles'), gatewaySecrets).putArticle(article);
    await new DynamoCommentsRepository(client, localTable('comments')).putComment(comment);
    await new DynamoCommentCountsRepository(client, localTable('comments')).addToCommentCount(article.id, 1);
  });

  it('users', async () => {
    const result = await process$('users').invoke(await signedEvent('query ($ids: [ID!]!) { users(ids: $ids) { id name } }', { ids: [user.id] }));
    expect(bodyOf(result)).toEqual({ data: { users: [{ id: user.id, name: user.name }] } });
  });

  it('articles', async () => {
    const result = await process$('articles').invoke(await signedEvent('{ articles(first: 5) { nodes { id title } } }'));
    expect(bodyOf(result)).toEqual({ data: { articles: { nodes: [{ id: article.id, title: article.title }] } } });
  });

  it('each answers _entities through its reference resolvers', async () => {
    const entities = async (name: string, representations: unknown[], selection: string) =>
      bodyOf(await process$(name).invoke(await signedEvent(`query ($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`, { r: representations })));
    expect(await entities('users', [{ __typename: 'User', id: user.id }, { __typename: 'User', id: 'no-such-user' }], '... on User { id name }')).toEqual({
      data: { _entities: [{ id: user.id, name: user.name }, null] },
    });
    expect(await entities('articles', [{ __typename: 'Article', id: article.id }], '... on Article { title }')).toEqual({
      data: { _entities: [{ title: article.title }] },
    });
    expect(await entities('comments', [{ __typename: 'Comment', id: comment.id }], '... on Comment { body }')).toEqual({
      data: { _entities: [{ body: comment.body }] },
    });
  });

  it('comments', async () => {
    const result = await process$('comments').invoke(await signedEvent('query ($id: ID!) { comment(id: $id) { id body } }', { id: comment.id }));
    expect(bodyOf(result)).toEqual({ data: { comment: { id: comment.id, body: comment.body } } });
  });

  it('the gateway joins them from the subgraphs in its registry', async () => {
    const query = `query ($id: ID!) {
      article(id: $id) { title author { name } commentCount comments(first: 5) { nodes { body author { name } } } }
    }`;
    const result = await process$('gateway').invoke(graphqlPostEvent(JSON.stringify({ query, variables: { id: article.id } })), 29_000);
    expect(result.statusCode).toBe(200);
    expect(bodyOf(result)).toEqual({
      data: {
        article: {
          title: article.title,
          author: { name: user.name },
          commentCount: 1,
          comments: { nodes: [{ body: comment.body, author: { name: user.name } }] },
        },
      },
    });
  });

  it('the gateway answers a malformed body with 400 and a GraphQL error', async () => {
    const result = await process$('gateway').invoke(graphqlPostEvent('{"query": '));
    expect(result.statusCode).toBe(400);
    expect(bodyOf(result).errors?.[0]?.message).toEqual(expect.any(String));
  });
});
