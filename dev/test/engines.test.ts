import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createGatewayHandler, ENGINE_NAMES, type EngineName, LocalFileRegistry } from '@bff/gateway';
import type { ApiGatewayHandler } from '@bff/kit/core';
import { type LocalLambdaServer, postGraphQL } from '@bff/kit/local';
import { serveTestLambda } from '@bff/test-support';

import { demoData } from '../src/demoData';
import { type LocalSystem, startLocalSystem } from '../src/localSystem';

/** Every read operation the tests use, plus a few more shapes: both engines must give the same data. */
const OPERATIONS: [string, Record<string, unknown>?][] = [
  ['{ articles(first: 5) { nodes { id title body createdAt updatedAt author { id name email } } pageInfo { hasNextPage endCursor } } }'],
  ['{ articles(first: 10) { nodes { title author { name } commentCount comments(first: 100) { nodes { body author { name } } } } pageInfo { hasNextPage } } }'],
  ['{ comments(first: 7) { nodes { body article { title author { name } } author { name } } } }'],
  ['query ($id: ID!) { article(id: $id) { title comments(first: 3) { nodes { article { id } } } commentCount } }', { id: demoData().articles[3]!.id }],
  ['query ($id: ID!) { user(id: $id) { name articles(first: 2) { nodes { title } } comments(first: 2) { nodes { body } } } }', { id: demoData().users[1]!.id }],
  ['query ($ids: [ID!]!) { users(ids: $ids) { name } }', { ids: [demoData().users[0]!.id, 'missing'] }],
  ['query ($id: ID!) { commentsForArticle(articleId: $id, first: 4) { nodes { id author { name } } pageInfo { hasNextPage } } }', { id: demoData().articles[0]!.id }],
  ['{ me { id } article(id: "missing") { id } comment(id: "missing") { id } }'],
];

const FAN_OUT = (first: number) =>
  `{ articles(first: ${first}) { nodes { author { name } comments { nodes { author { name } } } } } }`;

describe('the two engines on one system', () => {
  let workDir: string;
  let system: LocalSystem;
  const requests = new Map<string, number>();
  const gateways = new Map<EngineName, string>();
  const servers: LocalLambdaServer[] = [];

  const countRequests = (subgraph: string, handler: ApiGatewayHandler): ApiGatewayHandler => (event, context) => {
    requests.set(subgraph, (requests.get(subgraph) ?? 0) + 1);
    return handler(event, context);
  };

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'bff-engines-'));
    system = await startLocalSystem({ workDir, seed: demoData(), instrument: countRequests });
    for (const engine of ENGINE_NAMES) {
      const handler = createGatewayHandler({ registry: new LocalFileRegistry(system.registryFile), settings: { engine } });
      const server = await serveTestLambda(handler, `gateway-${engine}`);
      servers.push(server);
      gateways.set(engine, `${server.origin}/graphql`);
    }
  }, 60_000);
  afterAll(async () => {
    for (const server of servers) await server.close();
    await system.close();
    await rm(workDir, { recursive: true, force: true });
  });

  it.each(OPERATIONS.map(([query, variables], i) => [i, query, variables] as const))(
    'operation %i gives identical data through both engines',
    async (_, query, variables) => {
      const [stitch, apollo] = await Promise.all(ENGINE_NAMES.map((engine) => postGraphQL(gateways.get(engine)!, query, variables)));
      expect(stitch!.body.errors).toBeUndefined();
      expect(apollo!.body.errors).toBeUndefined();
      expect(stitch!.body.data).toEqual(apollo!.body.data);
      expect(stitch!.body.data).not.toBeNull();
    },
  );

  it.each(ENGINE_NAMES)('%s: a nested list costs at most 4 subgraph requests, for 1 item or 100', async (engine) => {
    const counts: number[] = [];
    for (const first of [1, 10, 100]) {
      requests.clear();
      const result = await postGraphQL<{ articles: { nodes: unknown[] } }>(gateways.get(engine)!, FAN_OUT(first));
      expect(result.body.errors).toBeUndefined();
      expect(result.body.data?.articles.nodes.length).toBe(Math.min(first, 30));
      counts.push([...requests.values()].reduce((sum, n) => sum + n, 0));
    }
    expect(Math.max(...counts)).toBeLessThanOrEqual(4);
    expect(new Set(counts).size).toBe(1);
  });
});

describe.each(ENGINE_NAMES)('a subgraph killed mid-test, %s engine', (engine) => {
  it('returns the other subgraphs’ data within the timeout, with an error naming the dead one', async () => {
    const workDir = await mkdtemp(join(tmpdir(), 'bff-kill-'));
    let killComments: (() => Promise<void>) | undefined;
    const system = await startLocalSystem({
      workDir,
      seed: demoData({ users: 2, articles: 3, comments: 5 }),
      env: { UPSTREAM_TIMEOUT_MS: '1000' },
      gatewaySettings: { engine },
      instrument: (subgraph, handler) => {
        if (subgraph !== 'comments') return handler;
        let dead = false;
        killComments = () => {
          dead = true;
          return Promise.resolve();
        };
        // A dead Lambda behind API Gateway: the integration fails and API Gateway answers 503.
        return (event, context) => (dead ? Promise.resolve({ statusCode: 503, body: '{"message":"Service Unavailable"}' }) : handler(event, context));
      },
    });
    try {
      const query = '{ articles(first: 3) { nodes { title author { name } comments { nodes { body } } } } }';
      const before = await postGraphQL<{ articles: { nodes: { comments: unknown }[] } }>(system.gatewayUrl, query);
      expect(before.body.errors).toBeUndefined();

      await killComments!();
      const started = Date.now();
      const after = await postGraphQL<{ articles: { nodes: { title: string; author: { name: string }; comments: unknown }[] } }>(system.gatewayUrl, query);
      expect(Date.now() - started).toBeLessThan(1_500);
      expect(after.status).toBe(200);
      const nodes = after.body.data!.articles.nodes;
      expect(nodes).toHaveLength(3);
      expect(nodes.every((node) => node.title && node.author.name && node.comments === null)).toBe(true);
      expect(after.body.errors?.[0]?.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'comments' });
    } finally {
      await system.close();
      await rm(workDir, { recursive: true, force: true });
    }
  }, 30_000);
});
