import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type LocalLambdaServer, postGraphQL } from '@bff/kit/local';
import { registryOf, serveTestLambda, startPlanetsAndMoons, type TroubledSubgraph } from '@bff/test-support';

import { createGatewayHandler } from '../src/createGatewayHandler';
import { LocalFileRegistry } from '../src/registry/localFileRegistry';

describe('gateway handler: registry → composition → stitched execution', () => {
  let dir: string;
  let registryFile: string;
  const subgraphs: TroubledSubgraph[] = [];
  let gateway: LocalLambdaServer;
  let gatewayUrl: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bff-gateway-'));
    registryFile = join(dir, 'registry.json');
    gateway = await serveTestLambda(createGatewayHandler({ registry: new LocalFileRegistry(registryFile) }), 'gateway-test');
    gatewayUrl = `${gateway.origin}/graphql`;
  });
  afterAll(async () => {
    for (const server of [gateway, ...subgraphs.map((subgraph) => subgraph.server)]) await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('answers 503 GATEWAY_NOT_READY while its subgraphs cannot be loaded', async () => {
    await writeFile(registryFile, JSON.stringify({ subgraphs: [{ name: 'planets', url: 'http://127.0.0.1:9/graphql' }] }));
    const result = await postGraphQL(gatewayUrl, '{ planets { name } }');
    expect(result.status).toBe(503);
    expect(result.body.errors?.[0]?.extensions?.code).toBe('GATEWAY_NOT_READY');
  });

  it('loads on a later request once the subgraphs are up, and joins their fields', async () => {
    const { planets, moons } = await startPlanetsAndMoons();
    subgraphs.push(planets, moons);
    await writeFile(registryFile, registryOf(planets, moons));
    const result = await postGraphQL(gatewayUrl, '{ planets { name moonCount } }', undefined, { 'x-correlation-id': 'corr-1' });
    expect(result.body).toEqual({
      data: { planets: [{ name: 'Mercury', moonCount: 0 }, { name: 'Saturn', moonCount: 146 }] },
    });
    // The caller's correlation id reached the subgraph that the gateway called on its behalf.
    expect(moons.correlationIds).toContain('corr-1');
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
