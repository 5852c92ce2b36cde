import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type LocalLambdaServer, postGraphQL } from '@bff/kit/local';
import { eventually, registryOf, serveTestLambda, startPlanetsAndMoons, type TroubledSubgraph } from '@bff/test-support';

import { createGatewayHandler } from '../src/createGatewayHandler';
import { ENGINE_NAMES } from '../src/engines/engine';
import { LocalFileRegistry } from '../src/registry/localFileRegistry';

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(ENGINE_NAMES)('hot reload through the handler, %s engine', (engine) => {
  let dir: string;
  let registryFile: string;
  let planets: TroubledSubgraph;
  let moons: TroubledSubgraph;
  let gateway: LocalLambdaServer;
  let url: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bff-reload-'));
    ({ planets, moons } = await startPlanetsAndMoons());
    registryFile = join(dir, 'registry.json');
    await writeFile(registryFile, registryOf(planets));
    const handler = createGatewayHandler({
      registry: new LocalFileRegistry(registryFile),
      settings: { engine, pollIntervalMs: 100 },
    });
    gateway = await serveTestLambda(handler, 'gateway-reload');
    url = `${gateway.origin}/graphql`;
  });
  afterAll(async () => {
    for (const server of [gateway, planets.server, moons.server]) await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  const entries = (...subgraphs: TroubledSubgraph[]) => (JSON.parse(registryOf(...subgraphs)) as { subgraphs: object[] }).subgraphs;

  it('serves a field of a subgraph added to the registry, with no restart', async () => {
    const before = await postGraphQL(url, '{ planets { name moonCount } }');
    expect(before.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    await writeFile(registryFile, registryOf(planets, moons));
    // Until the gateway has looked at the registry again and swapped.
    const after = await eventually(
      async () => {
        const { body } = await postGraphQL<{ planets: { moonCount: number | null }[] }>(url, '{ planets { name moonCount } }');
        expect(body.errors).toBeUndefined();
        return body;
      },
      { timeoutMs: 2_000 },
    );
    expect(after.data).toEqual({ planets: [{ name: 'Mercury', moonCount: 0 }, { name: 'Saturn', moonCount: 146 }] });
  });

  it('keeps serving the last good schema when the registry lists a subgraph that is down or does not compose', async () => {
    await writeFile(
      registryFile,
      JSON.stringify({
        subgraphs: [
          ...entries(planets, moons),
          { name: 'broken', url: 'http://127.0.0.1:9/graphql', sdl: 'type Query { planets: Int }' },
        ],
      }),
    );
    await settle(150);
    for (let i = 0; i < 5; i++) {
      const { body } = await postGraphQL(url, '{ planets { name moonCount } }');
      expect(body.errors).toBeUndefined();
      await settle(60);
    }
    await writeFile(registryFile, JSON.stringify({ subgraphs: [...entries(planets, moons), { name: 'gone', url: 'http://127.0.0.1:9/graphql' }] }));
    await settle(150);
    for (let i = 0; i < 5; i++) {
      expect((await postGraphQL(url, '{ planets { name moonCount } }')).body.errors).toBeUndefined();
      await settle(60);
    }
  });
});
