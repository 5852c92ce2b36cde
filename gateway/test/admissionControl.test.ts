import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { type LocalLambdaServer, postGraphQL } from '@bff/kit/local';
import { registryOf, serveTestLambda, startPlanetsAndMoons, temporaryDirectory, type TroubledSubgraph } from '@bff/test-support';

import { createGatewayHandler } from '../src/createGatewayHandler';
import { ENGINE_NAMES } from '../src/engines/engine';
import { LocalFileRegistry } from '../src/registry/localFileRegistry';
import { DEFAULT_GATEWAY_SETTINGS } from '../src/settings';

describe.each(ENGINE_NAMES)('a busy gateway, %s engine', (engine) => {
  const BOTH = '{ planets { name moonCount } }';
  const FULL = { planets: [{ name: 'Mercury', moonCount: 0 }, { name: 'Saturn', moonCount: 146 }] };
  const dir = temporaryDirectory('bff-admission-');
  let planets: TroubledSubgraph;
  let moons: TroubledSubgraph;
  const servers: LocalLambdaServer[] = [];
  // A subgraph call may take 400 ms at most; the requests below wait far longer than that for their turn.
  const upstream = { ...DEFAULT_GATEWAY_SETTINGS.upstream, timeoutMs: 400 };

  async function startGateway(admission: { concurrency: number; queue: number; queueTimeoutMs: number }): Promise<string> {
    const registry = new LocalFileRegistry(join(dir(), 'registry.json'));
    const gateway = await serveTestLambda(createGatewayHandler({ registry, settings: { engine, admission, upstream } }), `gateway-${engine}`);
    servers.push(gateway);
    const url = `${gateway.origin}/graphql`;
    expect((await postGraphQL(url, BOTH)).body).toEqual({ data: FULL });
    return url;
  }

  beforeAll(async () => {
    ({ planets, moons } = await startPlanetsAndMoons());
    await writeFile(join(dir(), 'registry.json'), registryOf(planets, moons));
  });
  afterAll(async () => {
    for (const server of [...servers, planets.server, moons.server]) await server.close();
  });

  it('makes a burst wait its turn rather than time out its subgraph calls on a saturated subgraph', async () => {
    // moons works on one request at a time, 100 ms each: 12 calls sent at once would end 1.2 s later, past the 400 ms timeout.
    const burst = async (url: string) => {
      moons.trouble.serialMs = 100;
      try {
        return await Promise.all(Array.from({ length: 12 }, () => postGraphQL(url, BOTH)));
      } finally {
        moons.trouble.serialMs = 0;
      }
    };
    // Two at a time: the last requests wait about 600 ms for their turn, yet no subgraph call waits more than 200 ms.
    for (const result of await burst(await startGateway({ concurrency: 2, queue: 100, queueTimeoutMs: 10_000 }))) {
      expect(result.body).toEqual({ data: FULL });
    }
    // The same burst let in all at once times out most of its calls to moons: what the queue saves the subgraph from.
    const unlimited = await burst(await startGateway({ concurrency: 100, queue: 100, queueTimeoutMs: 10_000 }));
    const timedOut = unlimited.filter((result) => result.body.errors?.some((error) => error.extensions?.code === 'SUBGRAPH_TIMEOUT'));
    expect(timedOut.length).toBeGreaterThan(0);
  });

  it('turns away, with 503 GATEWAY_OVERLOADED and Retry-After, what does not fit in the queue', async () => {
    const url = await startGateway({ concurrency: 1, queue: 1, queueTimeoutMs: 10_000 });
    moons.trouble.delayMs = 200;
    try {
      const results = await Promise.all(Array.from({ length: 6 }, () => postGraphQL(url, BOTH)));
      const busy = results.filter((result) => result.status === 503);
      expect(results.filter((result) => result.status === 200).length).toBeGreaterThanOrEqual(2);
      expect(busy.length).toBeGreaterThan(0);
      for (const result of busy) {
        expect(result.body.errors).toEqual([
          { message: 'The gateway is busy: try again in a moment.', extensions: { code: 'GATEWAY_OVERLOADED', outcome: 'not_applied' } },
        ]);
        expect(result.headers.get('retry-after')).toBe('1');
      }
    } finally {
      moons.trouble.delayMs = 0;
    }
  });
});
