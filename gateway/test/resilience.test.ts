import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { issueAccessToken } from '@bff/kit';
import { type LocalLambdaServer, postGraphQL, serveLambda } from '@bff/kit/local';

import { readGatewayConfig } from '../src/config';
import { createGatewayHandler } from '../src/createGatewayHandler';
import { ENGINE_NAMES } from '../src/engines/engine';
import { LocalFileRegistry } from '../src/registry/localFileRegistry';
import { registryOf, startPlanetsAndMoons, type TroubledSubgraph } from './troubledSubgraphs';

const BOTH = '{ planets { name moonCount } }';

describe.each(ENGINE_NAMES)('upstream calls and identity, %s engine', (engine) => {
  let dir: string;
  let planets: TroubledSubgraph;
  let moons: TroubledSubgraph;
  let gateway: LocalLambdaServer;
  let url: string;
  const saved = { ...process.env };

  beforeAll(async () => {
    // Short limits so the failure cases run in milliseconds.
    Object.assign(process.env, { UPSTREAM_TIMEOUT_MS: '400', UPSTREAM_BACKOFF_MS: '5', BREAKER_FAILURES: '3', BREAKER_RESET_MS: '300' });
    dir = await mkdtemp(join(tmpdir(), 'bff-resilience-'));
    ({ planets, moons } = await startPlanetsAndMoons());
    const registryFile = join(dir, 'registry.json');
    await writeFile(registryFile, registryOf(planets, moons));
    const handler = createGatewayHandler({ registry: new LocalFileRegistry(registryFile), config: { ...readGatewayConfig(), engine } });
    gateway = await serveLambda(handler, { name: `gateway-${engine}` });
    url = `${gateway.origin}/graphql`;
  });
  afterAll(async () => {
    process.env = saved;
    for (const server of [gateway, planets.server, moons.server]) await server.close();
    await rm(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    Object.assign(planets.trouble, { failNext: 0, delayMs: 0 });
    Object.assign(moons.trouble, { failNext: 0, delayMs: 0 });
    // Let any open circuit half-open and close again on a good call.
    await new Promise((resolve) => setTimeout(resolve, 320));
    await postGraphQL(url, BOTH);
    planets.requests.length = 0;
    moons.requests.length = 0;
  });

  it('joins both subgraphs', async () => {
    expect((await postGraphQL(url, BOTH)).body).toEqual({ data: { planets: [{ name: 'Mercury', moonCount: 0 }, { name: 'Venus', moonCount: 2 }] } });
  });

  it('retries a query after 503s, with backoff, and succeeds', async () => {
    moons.trouble.failNext = 2;
    const result = await postGraphQL(url, BOTH);
    expect(result.body.errors).toBeUndefined();
    expect(moons.requests).toHaveLength(3);
  });

  it('never retries a mutation', async () => {
    planets.trouble.failNext = 1;
    const result = await postGraphQL(url, 'mutation { renamePlanet(id: "p1", name: "Hermes") { name } }');
    expect(planets.requests).toHaveLength(1);
    expect(result.body.errors?.[0]?.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'planets' });
  });

  it('returns the data of the subgraphs that answered, and names the one that did not', async () => {
    moons.trouble.failNext = 10;
    const result = await postGraphQL(url, BOTH);
    expect(result.status).toBe(200);
    // moonCount is nullable: it alone is null, and the rest of the data is there.
    expect(result.body.data).toEqual({ planets: [{ name: 'Mercury', moonCount: null }, { name: 'Venus', moonCount: null }] });
    const error = result.body.errors?.[0];
    expect(error?.message).toMatch(/moons service is unavailable/);
    expect(error?.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'moons' });
  });

  it('gives up on a slow subgraph at its timeout with SUBGRAPH_TIMEOUT, keeping the rest', async () => {
    moons.trouble.delayMs = 1_000;
    const started = Date.now();
    const result = await postGraphQL(url, BOTH);
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(result.body.data).toEqual({ planets: [{ name: 'Mercury', moonCount: null }, { name: 'Venus', moonCount: null }] });
    expect(result.body.errors?.[0]?.extensions).toMatchObject({ code: 'SUBGRAPH_TIMEOUT', subgraph: 'moons' });
    // Let the slow subgraph finish the call the gateway gave up on, so nothing outlives the test.
    await new Promise((resolve) => setTimeout(resolve, 1_000 - (Date.now() - started) + 100));
  });

  it('opens the circuit after repeated failures, fails fast, then half-opens and recovers', async () => {
    moons.trouble.failNext = 1_000;
    for (let i = 0; i < 3; i++) await postGraphQL(url, BOTH);
    const reachedWhileFailing = moons.requests.length;
    const fast = await postGraphQL(url, BOTH);
    expect(moons.requests.length).toBe(reachedWhileFailing); // open: not even tried
    expect(fast.body.errors?.[0]?.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'moons' });
    expect(fast.body.errors?.[0]?.message).toMatch(/circuit open/);

    moons.trouble.failNext = 0;
    await new Promise((resolve) => setTimeout(resolve, 350));
    const recovered = await postGraphQL(url, BOTH);
    expect(recovered.body.errors).toBeUndefined();
    expect(moons.requests.length).toBe(reachedWhileFailing + 1);
  });

  it('checks the token once and passes the caller to the subgraphs, signed', async () => {
    const token = await issueAccessToken('user-42');
    const signedIn = await postGraphQL(url, '{ planets { whoAsked } }', undefined, { authorization: `Bearer ${token}` });
    expect(signedIn.body.data).toEqual({ planets: [{ whoAsked: 'user-42' }, { whoAsked: 'user-42' }] });
    const anonymous = await postGraphQL(url, '{ planets { whoAsked } }');
    expect(anonymous.body.data).toEqual({ planets: [{ whoAsked: 'anonymous' }, { whoAsked: 'anonymous' }] });
    // What reached the subgraph carried the gateway's signature, not the frontend's token.
    expect(moons.requests.length).toBeGreaterThan(0);
  });

  it('refuses tampered, expired and malformed tokens with UNAUTHENTICATED and 401', async () => {
    const token = await issueAccessToken('user-42');
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...claims, sub: 'admin' })).toString('base64url')}.${signature}`;
    process.env.ACCESS_TOKEN_TTL_SECONDS = '-5';
    const expired = await issueAccessToken('user-42');
    delete process.env.ACCESS_TOKEN_TTL_SECONDS;
    for (const [authorization, message] of [
      [`Bearer ${tampered}`, 'The access token is not valid: log in again.'],
      [`Bearer ${expired}`, 'Your session has expired: log in again.'],
      ['Bearer not.a.jwt', 'The access token is not valid: log in again.'],
      [`Basic ${token}`, 'The Authorization header must be "Bearer <token>".'],
    ]) {
      const result = await postGraphQL(url, BOTH, undefined, { authorization: authorization! });
      expect(result.status).toBe(401);
      expect(result.body.errors).toEqual([{ message, extensions: { code: 'UNAUTHENTICATED' } }]);
    }
  });
});
