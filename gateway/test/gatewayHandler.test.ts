import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createSubgraphHandler } from '@bff/kit';
import { type LocalLambdaServer, postGraphQL, serveLambda } from '@bff/kit/local';

import { createGatewayHandler } from '../src/createGatewayHandler';
import { LocalFileRegistry } from '../src/registry/localFileRegistry';

const link = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])';

/** Two small federation subgraphs, served through the kit's real Lambda factory. */
function fixtureSubgraphs() {
  const seen: string[] = [];
  const planets = createSubgraphHandler({
    name: 'planets',
    typeDefs: `${link} type Planet @key(fields: "id") { id: ID! name: String! } type Query { planets: [Planet!]! }`,
    resolvers: {
      Query: { planets: () => [{ id: 'p1', name: 'Mercury' }, { id: 'p2', name: 'Venus' }] },
      Planet: { __resolveReference: ({ id }: { id: string }) => ({ id, name: id }) },
    },
  });
  const moons = createSubgraphHandler({
    name: 'moons',
    typeDefs: `${link} type Planet @key(fields: "id") { id: ID! moonCount: Int! }`,
    resolvers: {
      Planet: {
        __resolveReference: ({ id }: { id: string }, context: { correlationId: string }) => {
          seen.push(context.correlationId);
          return { id, moonCount: id === 'p1' ? 0 : 2 };
        },
      },
    },
  });
  return { planets, moons, seen };
}

describe('gateway handler: registry → composition → stitched execution', () => {
  let dir: string;
  let registryFile: string;
  const servers: LocalLambdaServer[] = [];
  let gateway: LocalLambdaServer;
  let gatewayUrl: string;
  const fixtures = fixtureSubgraphs();

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bff-gateway-'));
    registryFile = join(dir, 'registry.json');
    gateway = await serveLambda(createGatewayHandler({ registry: new LocalFileRegistry(registryFile) }), { name: 'gateway-test' });
    gatewayUrl = `${gateway.origin}/graphql`;
  });
  afterAll(async () => {
    for (const server of [gateway, ...servers]) await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('answers 503 GATEWAY_NOT_READY while its subgraphs cannot be loaded', async () => {
    await writeFile(registryFile, JSON.stringify({ subgraphs: [{ name: 'planets', url: 'http://127.0.0.1:9/graphql' }] }));
    const result = await postGraphQL(gatewayUrl, '{ planets { name } }');
    expect(result.status).toBe(503);
    expect(result.body.errors?.[0]?.extensions?.code).toBe('GATEWAY_NOT_READY');
  });

  it('loads on a later request once the subgraphs are up, and joins their fields', async () => {
    servers.push(await serveLambda(fixtures.planets, { name: 'planets' }), await serveLambda(fixtures.moons, { name: 'moons' }));
    await writeFile(
      registryFile,
      JSON.stringify({ subgraphs: servers.map((server) => ({ name: server.name, url: `${server.origin}/graphql` })) }),
    );
    const result = await postGraphQL(gatewayUrl, '{ planets { name moonCount } }', undefined, { 'x-correlation-id': 'corr-1' });
    expect(result.body).toEqual({
      data: { planets: [{ name: 'Mercury', moonCount: 0 }, { name: 'Venus', moonCount: 2 }] },
    });
    // The caller's correlation id reached the subgraph that the gateway called on its behalf.
    expect(fixtures.seen).toContain('corr-1');
  });

  it('answers bad requests with GraphQL errors and 4xx statuses', async () => {
    const malformed = await fetch(gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe('BAD_REQUEST');
    const unknown = await postGraphQL(gatewayUrl, '{ planets { diameter } }');
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const wrongMethod = await fetch(gatewayUrl, { method: 'DELETE', headers: { 'content-type': 'application/json' } });
    expect(wrongMethod.status).toBe(405);
  });
});
