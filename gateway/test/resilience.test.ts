import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { issueAccessToken } from '@bff/kit';
import { type LocalLambdaServer, postGraphQL } from '@bff/kit/local';
import { developerSecrets, noTrouble, registryOf, serveTestLambda, startPlanetsAndMoons, type TroubledSubgraph } from '@bff/test-support';

import { createGatewayHandler } from '../src/createGatewayHandler';
import { ENGINE_NAMES, type EngineName } from '../src/engines/engine';
import { LocalFileRegistry } from '../src/registry/localFileRegistry';
import { DEFAULT_GATEWAY_SETTINGS, type GatewaySettings } from '../src/settings';

const BOTH = '{ planets { name moonCount } }';
const PARTIAL = { planets: [{ name: 'Mercury', moonCount: null }, { name: 'Saturn', moonCount: null }] };
const FULL = { planets: [{ name: 'Mercury', moonCount: 0 }, { name: 'Saturn', moonCount: 146 }] };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Short limits so the failure cases run in milliseconds; a small queue so that overload is easy to reach.
const UPSTREAM = {
  ...DEFAULT_GATEWAY_SETTINGS.upstream,
  timeoutMs: 400,
  backoffMs: 5,
  concurrency: 4,
  queue: 4,
  breakerMinCalls: 4,
  breakerWindowMs: 5000,
  breakerResetMs: 300,
};

describe.each(ENGINE_NAMES)('upstream calls and identity, %s engine', (engine) => {
  let dir: string;
  let registryFile: string;
  let planets: TroubledSubgraph;
  let moons: TroubledSubgraph;
  const gateways: LocalLambdaServer[] = [];

  /** A gateway of its own: fresh breakers and queues, so one test's failures do not count in another's. */
  async function startGateway(name: EngineName = engine, settings: Partial<GatewaySettings> = {}): Promise<string> {
    const handler = createGatewayHandler({ registry: new LocalFileRegistry(registryFile), settings: { engine: name, upstream: UPSTREAM, ...settings } });
    const gateway = await serveTestLambda(handler, `gateway-${name}`);
    gateways.push(gateway);
    const url = `${gateway.origin}/graphql`;
    // Loads the supergraph (the subgraphs are introspected) while they behave; what the test sees starts after.
    expect((await postGraphQL(url, BOTH)).body).toEqual({ data: FULL });
    planets.requests.length = 0;
    moons.requests.length = 0;
    return url;
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bff-resilience-'));
    ({ planets, moons } = await startPlanetsAndMoons());
    registryFile = join(dir, 'registry.json');
    await writeFile(registryFile, registryOf(planets, moons));
  });
  afterAll(async () => {
    for (const server of [...gateways, planets.server, moons.server]) await server.close();
    await rm(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await moons.revive();
    Object.assign(planets.trouble, noTrouble());
    Object.assign(moons.trouble, noTrouble());
    planets.requests.length = 0;
    moons.requests.length = 0;
  });

  it('joins both subgraphs', async () => {
    const url = await startGateway();
    expect((await postGraphQL(url, BOTH)).body).toEqual({ data: FULL });
  });

  it('retries a query after 503s, with backoff, and succeeds', async () => {
    const url = await startGateway();
    moons.trouble.failNext = 2;
    const result = await postGraphQL(url, BOTH);
    expect(result.body).toEqual({ data: FULL });
    expect(moons.requests).toHaveLength(3);
  });

  it('signs every attempt afresh: a retry after the subgraph spent the first signature is not refused as a replay', async () => {
    const url = await startGateway();
    const token = await issueAccessToken('user-42', { secrets: developerSecrets, ttlSeconds: 3600 });
    // The first attempt reaches the handler (which checks the signature and remembers its nonce), then the gateway sees a 503.
    moons.trouble.failAfterHandlingNext = 1;
    const result = await postGraphQL(url, '{ planets { whoAsked } }', undefined, { authorization: `Bearer ${token}` });
    expect(result.body).toEqual({ data: { planets: [{ whoAsked: 'user-42' }, { whoAsked: 'user-42' }] } });
    expect(moons.trouble.failAfterHandlingNext).toBe(0);
  });

  it('never retries a mutation, and says it was not applied when it never left', async () => {
    const url = await startGateway();
    planets.trouble.failNext = 1;
    const result = await postGraphQL(url, 'mutation { renamePlanet(id: "p1", name: "Hermes") { name } }');
    expect(planets.requests).toHaveLength(1);
    // A 503 may come from a subgraph that did the work: the client cannot know.
    expect(result.body.errors?.[0]?.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'planets', outcome: 'unknown' });
  });

  it('says a timed-out mutation has an unknown outcome', async () => {
    const url = await startGateway();
    planets.trouble.delayMs = 700;
    const result = await postGraphQL(url, 'mutation { renamePlanet(id: "p1", name: "Slow") { name } }');
    expect(result.body.data).toBeNull();
    expect(result.body.errors?.[0]?.extensions).toMatchObject({ code: 'SUBGRAPH_TIMEOUT', subgraph: 'planets', outcome: 'unknown' });
    await sleep(400);
  });

  it('returns the data of the subgraphs that answered, and names the one that did not, without internals', async () => {
    const url = await startGateway();
    moons.trouble.failNext = 10;
    const result = await postGraphQL(url, BOTH);
    expect(result.status).toBe(200);
    expect(result.body.data).toEqual(PARTIAL);
    // One error per missing field or one in all, as each engine reports it; each names the service alone.
    expect(result.body.errors?.length).toBeGreaterThan(0);
    for (const error of result.body.errors ?? []) expect(error).toMatchObject({ message: 'The moons service is unavailable.', extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'moons' } });
    expect(JSON.stringify(result.body)).not.toMatch(/127\.0\.0\.1|HTTP 503|Service Unavailable/);
  });

  it('gives up on a slow subgraph at its timeout with SUBGRAPH_TIMEOUT, keeping the rest', async () => {
    const url = await startGateway();
    moons.trouble.delayMs = 1_000;
    const started = Date.now();
    const result = await postGraphQL(url, BOTH);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(result.body.data).toEqual(PARTIAL);
    expect(result.body.errors?.[0]).toMatchObject({ message: 'The moons service did not answer in time.', extensions: { code: 'SUBGRAPH_TIMEOUT', subgraph: 'moons' } });
    // Let the slow subgraph finish the call the gateway gave up on, so nothing outlives the test.
    await sleep(1_000 - (Date.now() - started) + 100);
  });

  it('keeps answering with partial data when a subgraph is killed mid-request, and recovers when it is back', async () => {
    const url = await startGateway();
    moons.trouble.delayMs = 300;
    const inFlight = postGraphQL(url, BOTH);
    await sleep(100);
    await moons.kill();
    const cut = await inFlight;
    expect(cut.body.data).toEqual(PARTIAL);
    expect(cut.body.errors?.[0]?.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'moons' });
    // The client learns which service failed, never where it runs or how the socket broke.
    expect(JSON.stringify(cut.body)).not.toMatch(/127\.0\.0\.1|ECONN|socket|localhost/i);

    const whileDown = await postGraphQL(url, BOTH);
    expect(whileDown.body.data).toEqual(PARTIAL);
    expect(JSON.stringify(whileDown.body)).not.toMatch(/127\.0\.0\.1|ECONN/);

    moons.trouble.delayMs = 0;
    await moons.revive();
    expect((await postGraphQL(url, BOTH)).body).toEqual({ data: FULL });
  });

  it('opens the circuit on a failing share of calls, fails fast, then half-opens and recovers', async () => {
    const url = await startGateway();
    moons.trouble.failNext = 1_000;
    // With the warm-up's success, fewer calls than BREAKER_MIN_CALLS (4): however they end, the circuit stays closed.
    for (let i = 0; i < 2; i++) await postGraphQL(url, BOTH);
    const before = moons.requests.length;
    await postGraphQL(url, BOTH);
    expect(moons.requests.length).toBeGreaterThan(before);
    // Three failed calls out of four: open.
    const reachedWhileFailing = moons.requests.length;
    const fast = await postGraphQL(url, BOTH);
    expect(moons.requests.length).toBe(reachedWhileFailing); // open: not even tried
    expect(fast.body.data).toEqual(PARTIAL);
    expect(fast.body.errors?.[0]).toMatchObject({ message: 'The moons service is unavailable.', extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'moons' } });

    moons.trouble.failNext = 0;
    await sleep(350);
    const recovered = await postGraphQL(url, BOTH);
    expect(recovered.body).toEqual({ data: FULL });
    expect(moons.requests.length).toBe(reachedWhileFailing + 1);
  });

  it('keeps the circuit closed while a minority of calls fail', async () => {
    const url = await startGateway();
    for (let round = 0; round < 4; round++) {
      moons.trouble.failNext = 3; // one call's three attempts fail, the next three calls succeed
      for (let i = 0; i < 4; i++) await postGraphQL(url, BOTH);
    }
    const reached = moons.requests.length;
    expect((await postGraphQL(url, BOTH)).body).toEqual({ data: FULL });
    expect(moons.requests.length).toBe(reached + 1);
  });

  it('sheds calls past the queue at once with SUBGRAPH_OVERLOADED, keeps the rest of the data, and never opens the circuit for it', async () => {
    // Per-subgraph settings: a tight queue and a long timeout for moons alone.
    const url = await startGateway(engine, { upstreamBySubgraph: { MOONS: { ...UPSTREAM, concurrency: 4, queue: 4, timeoutMs: 5000 } } });
    moons.trouble.delayMs = 600;
    // 4 in flight and 4 waiting fit; the rest are shed at once.
    const results = await Promise.all(Array.from({ length: 24 }, () => postGraphQL(url, BOTH)));
    const codes = results.map((result) => (result.body.errors?.[0]?.extensions?.code as string | undefined) ?? 'none');
    expect(new Set(codes)).toEqual(new Set(['none', 'SUBGRAPH_OVERLOADED']));
    expect(codes.filter((code) => code === 'none').length).toBeGreaterThanOrEqual(8);
    for (const result of results) expect(result.body.data?.planets).toHaveLength(2);
    const shed = results.find((result) => result.body.errors);
    expect(shed?.body.errors?.[0]).toMatchObject({ message: 'The moons service is busy: try again in a moment.', extensions: { code: 'SUBGRAPH_OVERLOADED', subgraph: 'moons' } });

    // So many failed calls would have opened a breaker that counted them; it is closed.
    moons.trouble.delayMs = 0;
    const reached = moons.requests.length;
    expect((await postGraphQL(url, BOTH)).body).toEqual({ data: FULL });
    expect(moons.requests.length).toBe(reached + 1);
  });

  it("honours a subgraph's 429: waits out a short Retry-After, sheds for a long one without calling it", async () => {
    const url = await startGateway();
    moons.trouble.tooManyNext = 1;
    moons.trouble.retryAfterSeconds = 0;
    expect((await postGraphQL(url, BOTH)).body).toEqual({ data: FULL });

    moons.trouble.tooManyNext = 1;
    moons.trouble.retryAfterSeconds = 60;
    const refused = await postGraphQL(url, BOTH);
    expect(refused.body.data).toEqual(PARTIAL);
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'SUBGRAPH_OVERLOADED', subgraph: 'moons', retryAfterSeconds: 60 });
    const reached = moons.requests.length;
    for (let i = 0; i < 5; i++) {
      const paused = await postGraphQL(url, BOTH);
      expect(paused.body.errors?.[0]?.extensions?.code).toBe('SUBGRAPH_OVERLOADED');
    }
    expect(moons.requests.length).toBe(reached);
  });

  it('checks the token once and passes the caller to the subgraphs, signed', async () => {
    const url = await startGateway();
    const token = await issueAccessToken('user-42', { secrets: developerSecrets, ttlSeconds: 3600 });
    const signedIn = await postGraphQL(url, '{ planets { whoAsked } }', undefined, { authorization: `Bearer ${token}` });
    expect(signedIn.body.data).toEqual({ planets: [{ whoAsked: 'user-42' }, { whoAsked: 'user-42' }] });
    const anonymous = await postGraphQL(url, '{ planets { whoAsked } }');
    expect(anonymous.body.data).toEqual({ planets: [{ whoAsked: 'anonymous' }, { whoAsked: 'anonymous' }] });
    // What reached the subgraph carried the gateway's signature, not the frontend's token.
    expect(moons.requests.length).toBeGreaterThan(0);
  });

  it('refuses tampered, expired and malformed tokens with UNAUTHENTICATED and 401', async () => {
    const url = await startGateway();
    const token = await issueAccessToken('user-42', { secrets: developerSecrets, ttlSeconds: 3600 });
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...claims, sub: 'admin' })).toString('base64url')}.${signature}`;
    // Signed with the gateway's key (in tests, the one generated for this process), already expired.
    const expired = await issueAccessToken('user-42', { secrets: developerSecrets, ttlSeconds: -5 });
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
