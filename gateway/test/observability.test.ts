import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type LocalLambdaServer, postGraphQL } from '@bff/kit/local';
import { registryOf, serveTestLambda, startPlanetsAndMoons, type TroubledSubgraph } from '@bff/test-support';

import { createGatewayHandler } from '../src/createGatewayHandler';
import { LocalFileRegistry } from '../src/registry/localFileRegistry';

type LogLine = Record<string, unknown>;

describe('structured logs with one correlation id per request', () => {
  const saved = process.env.POWERTOOLS_LOG_LEVEL;
  const lines: LogLine[] = [];
  let spies: jest.SpyInstance[];
  let dir: string;
  let planets: TroubledSubgraph;
  let moons: TroubledSubgraph;
  let gateway: LocalLambdaServer;

  beforeAll(async () => {
    // Loggers read their level when they are made: set it before the handlers exist.
    process.env.POWERTOOLS_LOG_LEVEL = 'INFO';
    // Info goes to stdout, warnings and errors to stderr, one JSON object a line.
    spies = [process.stdout, process.stderr].map((stream) =>
      jest.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
        for (const text of String(chunk).split('\n').filter(Boolean)) {
          try {
            lines.push(JSON.parse(text) as LogLine);
          } catch {
            // Not a log line.
          }
        }
        return true;
      }),
    );
    dir = await mkdtemp(join(tmpdir(), 'bff-logs-'));
    ({ planets, moons } = await startPlanetsAndMoons());
    await writeFile(join(dir, 'registry.json'), registryOf(planets, moons));
    const handler = createGatewayHandler({ registry: new LocalFileRegistry(join(dir, 'registry.json')) });
    gateway = await serveTestLambda(handler, 'gateway-logs');
  });
  afterAll(async () => {
    for (const spy of spies) spy.mockRestore();
    process.env.POWERTOOLS_LOG_LEVEL = saved;
    for (const server of [gateway, planets.server, moons.server]) await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('logs each upstream call with subgraph, duration and outcome, under the caller’s correlation id', async () => {
    const url = `${gateway.origin}/graphql`;
    await postGraphQL(url, '{ planets { name } }'); // loads the schema
    lines.length = 0;
    moons.trouble.failNext = 10;
    await postGraphQL(url, '{ planets { name moonCount } }', undefined, { 'x-correlation-id': 'trace-abc-123' });

    const upstream = lines.filter((line) => line.message === 'Subgraph call');
    expect(upstream.map((line) => [line.subgraph, line.outcome])).toEqual([
      ['planets', 'ok'],
      ['moons', 'unavailable'],
    ]);
    for (const line of upstream) {
      expect(line).toMatchObject({ service: 'gateway', correlationId: 'trace-abc-123' });
      expect(['INFO', 'WARN']).toContain(line.level);
      expect(typeof line.durationMs).toBe('number');
    }
    // Every line this request wrote carries its correlation id.
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((line) => line.correlationId === 'trace-abc-123')).toBe(true);
  });

  it('writes the low-level reason of a failure to the log line, and only the service and code to the client', async () => {
    const url = `${gateway.origin}/graphql`;
    await postGraphQL(url, '{ planets { name } }');
    moons.trouble.failNext = 0;
    await moons.kill();
    try {
      lines.length = 0;
      const result = await postGraphQL(url, '{ planets { name moonCount } }', undefined, { 'x-correlation-id': 'trace-down-1' });
      expect(result.body.errors?.[0]).toMatchObject({ message: 'The moons service is unavailable.', extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'moons' } });
      expect(JSON.stringify(result.body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);
      const failed = lines.find((line) => line.message === 'Subgraph call' && line.subgraph === 'moons');
      expect(failed).toMatchObject({ outcome: 'unavailable', correlationId: 'trace-down-1', attempts: 3 });
      expect(String(failed?.reason)).toMatch(/ECONNREFUSED/);
    } finally {
      await moons.revive();
    }
  });
});
