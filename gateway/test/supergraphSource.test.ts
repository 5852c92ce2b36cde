import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createLogger } from '@bff/kit';
import type { LocalLambdaServer } from '@bff/kit/local';
import type { GraphQLSchema } from 'graphql';
import { developerSecrets, entryFor, executableSchema, execute, FIXTURE_SDL, serveFixture } from '@bff/test-support';

import { composeSupergraph, type SubgraphDefinition } from '../src/compose/composeSupergraph';
import { subgraphsHash } from '../src/compose/subgraphsHash';
import { type RefreshOutcome, type Supergraph, SupergraphSource, type SupergraphSourceOptions } from '../src/compose/supergraphSource';
import { LocalFileRegistry } from '../src/registry/localFileRegistry';
import { DEFAULT_GATEWAY_SETTINGS } from '../src/settings';
import { Upstreams } from '../src/upstream/upstreams';

const INTERVAL = 1_000;

describe('SupergraphSource', () => {
  let dir: string;
  let planets: LocalLambdaServer;
  let moons: LocalLambdaServer;
  let rings: LocalLambdaServer;
  let file: string;
  let now: number;
  let compositions: number;
  const logger = createLogger('gateway-test');
  const upstreams = new Upstreams(logger, { ...DEFAULT_GATEWAY_SETTINGS, secrets: developerSecrets });

  const writeRegistry = (document: unknown) => writeFile(file, JSON.stringify(document));
  const source = (options: Partial<SupergraphSourceOptions> = {}) =>
    new SupergraphSource({
      registry: new LocalFileRegistry(file),
      pollIntervalMs: INTERVAL,
      logger,
      upstreams,
      now: () => now,
      // The real composition, counted.
      compose: (subgraphs: SubgraphDefinition[]) => {
        compositions++;
        return composeSupergraph(subgraphs);
      },
      ...options,
    });

  /**
   * What a handler does: load before serving, look at the registry on each
   * request without waiting, and swap the schema when a new supergraph arrives.
   */
  async function serve(supergraphs: SupergraphSource) {
    let schema: GraphQLSchema = executableSchema((await supergraphs.current()).supergraphSdl);
    const updates: Supergraph[] = [];
    supergraphs.onUpdate((supergraph) => {
      schema = executableSchema(supergraph.supergraphSdl);
      updates.push(supergraph);
    });
    const query = async (document: string) => {
      const refresh = supergraphs.refreshIfDue();
      const result = await execute(schema, document);
      return { result, refresh };
    };
    return { query, updates };
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bff-supergraph-'));
    [planets, moons, rings] = await Promise.all([serveFixture('planets'), serveFixture('moons'), serveFixture('rings')]);
  });
  afterAll(async () => {
    await Promise.all([planets, moons, rings].map((server) => server.close()));
    await rm(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    file = join(await mkdtemp(join(dir, 'case-')), 'registry.json');
    now = 1_000_000;
    compositions = 0;
    jest.restoreAllMocks();
  });

  it('composes once, reports the time, and does not compose again while the subgraphs are unchanged', async () => {
    const info = jest.spyOn(logger, 'info');
    await writeRegistry({ subgraphs: [entryFor(planets), entryFor(moons)] });
    const supergraphs = source();

    const first = await supergraphs.current();
    expect(first).toMatchObject({ origin: 'composed', subgraphs: [{ name: 'planets' }, { name: 'moons' }] });
    expect(first.composeMs).toBeGreaterThan(0);
    expect(first.supergraphSdl).toContain('moonCount: Int @join__field(graph: MOONS)');
    expect(compositions).toBe(1);
    expect(info).toHaveBeenCalledWith(
      'Supergraph loaded',
      expect.objectContaining({ registry: `file:${file}`, origin: 'composed', composeMs: expect.any(Number) as number }),
    );

    // Before the interval nothing is read; after it the registry is read and the subgraphs introspected again, unchanged.
    expect(supergraphs.refreshIfDue()).toBeUndefined();
    now += INTERVAL;
    expect(await supergraphs.refreshIfDue()).toEqual({ status: 'unchanged', supergraph: first });
    expect(supergraphs.refreshIfDue()).toBeUndefined();
    now += INTERVAL;
    expect((await supergraphs.refreshIfDue())?.status).toBe('unchanged');
    expect(compositions).toBe(1);
    expect(await supergraphs.current()).toBe(first);
  });

  it('shares the first load between concurrent callers and runs one refresh at a time', async () => {
    await writeRegistry({ subgraphs: [entryFor(planets, true)] });
    const supergraphs = source();
    const [a, b] = await Promise.all([supergraphs.current(), supergraphs.current()]);
    expect(a).toBe(b);
    now += INTERVAL;
    const running = supergraphs.refreshIfDue();
    expect(running).toBeDefined();
    expect(supergraphs.refreshIfDue()).toBeUndefined();
    expect(supergraphs.refresh()).toBe(running);
    await running;
    expect(compositions).toBe(1);
  });

  it('on a cold start with unchanged subgraphs reads the cache file instead of composing', async () => {
    const cacheDir = join(dir, 'cache');
    await writeRegistry({ subgraphs: [entryFor(planets), entryFor(moons, true)] });
    const composed = await source({ cacheDir }).current();
    expect(compositions).toBe(1);
    const cached = JSON.parse(await readFile(join(cacheDir, 'supergraph.json'), 'utf8')) as unknown;
    expect(cached).toEqual({ subgraphsHash: composed.hash, supergraphSdl: composed.supergraphSdl });

    const cold = await source({ cacheDir }).current();
    expect(cold).toMatchObject({ origin: 'file', composeMs: 0, hash: composed.hash, supergraphSdl: composed.supergraphSdl });
    expect(compositions).toBe(1);

    // Other subgraphs miss the cache and compose.
    await writeRegistry({ subgraphs: [entryFor(planets), entryFor(rings)] });
    expect(await source({ cacheDir }).current()).toMatchObject({ origin: 'composed' });
    expect(compositions).toBe(2);
  });

  it('keeps serving when the cache folder cannot be written, and says so', async () => {
    const warn = jest.spyOn(logger, 'warn');
    const notAFolder = join(dir, 'plain-file');
    await writeFile(notAFolder, '');
    await writeRegistry({ subgraphs: [entryFor(planets, true)] });
    expect(await source({ cacheDir: notAFolder }).current()).toMatchObject({ origin: 'composed' });
    expect(warn).toHaveBeenCalledWith('Could not write the supergraph cache file', expect.objectContaining({ error: expect.any(Error) as Error }));
  });

  it('uses a supergraph held by the registry: as a cache when its hash matches, as it is without a hash', async () => {
    const subgraphs = [entryFor(planets, true), entryFor(moons, true)];
    const definitions = subgraphs.map(({ name, url, sdl }) => ({ name, url, sdl: sdl ?? '' }));
    const elsewhere = composeSupergraph(definitions);
    compositions = 0;

    await writeRegistry({ subgraphs, supergraph: { supergraphSdl: elsewhere, subgraphsHash: subgraphsHash(definitions) } });
    expect(await source().current()).toMatchObject({ origin: 'registry', supergraphSdl: elsewhere, composeMs: 0 });
    expect(compositions).toBe(0);

    // Recorded for other subgraphs: stale, so the gateway composes its own.
    await writeRegistry({ subgraphs, supergraph: { supergraphSdl: elsewhere, subgraphsHash: 'stale' } });
    expect(await source().current()).toMatchObject({ origin: 'composed' });
    expect(compositions).toBe(1);

    // No hash: served as it is, without reading or composing any subgraph.
    await writeRegistry({ subgraphs: [], supergraph: { supergraphSdl: elsewhere } });
    const asIs = await source().current();
    expect(asIs).toMatchObject({ origin: 'registry', supergraphSdl: elsewhere });
    // Named from the supergraph's join__Graph enum, which lists them by name.
    expect(asIs.subgraphs).toEqual([
      { name: 'moons', url: `${moons.origin}/graphql` },
      { name: 'planets', url: `${planets.origin}/graphql` },
    ]);
    expect(compositions).toBe(1);
    const served = await (await serve(source())).query('{ planets { name moonCount } }');
    expect(served.result).toEqual({ data: { planets: [{ name: 'Mercury', moonCount: 0 }, { name: 'Saturn', moonCount: 146 }] } });
  });

  it('hot reload: a subgraph added to the registry shows its fields after the interval, with no restart', async () => {
    await writeRegistry({ subgraphs: [entryFor(planets), entryFor(moons)] });
    const supergraphs = source();
    const gateway = await serve(supergraphs);
    const before = await gateway.query('{ planets { name ringCount } }');
    expect(before.result.errors?.[0]?.message).toMatch(/Cannot query field "ringCount"/);
    expect(before.refresh).toBeUndefined();

    await writeRegistry({ subgraphs: [entryFor(planets), entryFor(moons), entryFor(rings)] });
    now += INTERVAL;
    // The request that notices the interval is not held up: it runs on the schema it started with.
    const noticing = await gateway.query('{ planets { name ringCount } }');
    expect(noticing.result.errors?.[0]?.message).toMatch(/Cannot query field "ringCount"/);
    const outcome = (await noticing.refresh) as RefreshOutcome;
    expect(outcome.status).toBe('updated');
    expect(outcome.supergraph).toMatchObject({ origin: 'composed', subgraphs: [{ name: 'planets' }, { name: 'moons' }, { name: 'rings' }] });
    expect(outcome.supergraph.composeMs).toBeGreaterThan(0);

    const after = await gateway.query('{ planets { name moonCount ringCount } }');
    expect(after.result).toEqual({
      data: { planets: [{ name: 'Mercury', moonCount: 0, ringCount: 0 }, { name: 'Saturn', moonCount: 146, ringCount: 7 }] },
    });
    expect(gateway.updates).toHaveLength(1);
    expect(await supergraphs.current()).toBe(outcome.supergraph);
  });

  it('keeps the last good supergraph serving when the new one does not compose, and logs why', async () => {
    const error = jest.spyOn(logger, 'error');
    await writeRegistry({ subgraphs: [entryFor(planets, true), entryFor(moons, true)] });
    const supergraphs = source();
    const gateway = await serve(supergraphs);
    const good = await supergraphs.current();

    // moons now says a planet's id is an Int: the subgraphs disagree.
    const broken = { ...entryFor(moons, true), sdl: FIXTURE_SDL.moons.replace('id: ID!', 'id: Int!') };
    await writeRegistry({ subgraphs: [entryFor(planets, true), broken] });
    now += INTERVAL;
    const outcome = (await (await gateway.query('{ planets { name } }')).refresh) as RefreshOutcome;
    expect(outcome).toMatchObject({ status: 'failed', supergraph: good });
    expect(outcome.status === 'failed' && outcome.error.name).toBe('CompositionError');
    expect(error).toHaveBeenCalledWith(
      expect.stringContaining('the last good one keeps serving'),
      expect.objectContaining({
        registry: `file:${file}`,
        subgraphs: [expect.objectContaining({ name: 'planets' }), expect.objectContaining({ name: 'moons' })] as unknown,
        error: expect.objectContaining({ message: expect.stringMatching(/Planet\.id/) as string }) as Error,
      }),
    );
    expect(gateway.updates).toHaveLength(0);
    expect(await supergraphs.current()).toBe(good);
    expect((await gateway.query('{ planets { name moonCount } }')).result).toEqual({
      data: { planets: [{ name: 'Mercury', moonCount: 0 }, { name: 'Saturn', moonCount: 146 }] },
    });

    // Fixed in the registry: the next look after the interval serves it.
    await writeRegistry({ subgraphs: [entryFor(planets, true), entryFor(moons, true), entryFor(rings, true)] });
    expect((await gateway.query('{ planets { name } }')).refresh).toBeUndefined();
    now += INTERVAL;
    expect(((await (await gateway.query('{ planets { name } }')).refresh) as RefreshOutcome).status).toBe('updated');
    expect((await gateway.query('{ planets { ringCount } }')).result).toEqual({ data: { planets: [{ ringCount: 0 }, { ringCount: 7 }] } });
  });

  it('keeps the last good supergraph when a subgraph is unreachable or the registry unreadable', async () => {
    const error = jest.spyOn(logger, 'error');
    await writeRegistry({ subgraphs: [entryFor(planets), entryFor(moons)] });
    const supergraphs = source();
    const gateway = await serve(supergraphs);
    const good = await supergraphs.current();

    // A subgraph that was up when it was registered, and is not any more.
    const gone = await serveFixture('rings');
    await gone.close();
    await writeRegistry({ subgraphs: [entryFor(planets), entryFor(moons), entryFor(gone)] });
    now += INTERVAL;
    const unreachable = (await (await gateway.query('{ planets { name } }')).refresh) as RefreshOutcome;
    expect(unreachable).toMatchObject({ status: 'failed', supergraph: good });
    expect(error).toHaveBeenLastCalledWith(
      expect.any(String),
      expect.objectContaining({
        error: expect.objectContaining({ message: `subgraph "rings" at ${gone.origin}/graphql is unreachable (ECONNREFUSED: connect ECONNREFUSED ${gone.origin.replace('http://', '')})` }) as Error,
      }),
    );

    await writeFile(file, '{ "subgraphs": [');
    now += INTERVAL;
    const unreadable = (await (await gateway.query('{ planets { name } }')).refresh) as RefreshOutcome;
    expect(unreadable).toMatchObject({ status: 'failed', supergraph: good });
    expect(error).toHaveBeenLastCalledWith(
      expect.any(String),
      expect.objectContaining({ error: expect.objectContaining({ message: expect.stringMatching(/not valid JSON/) as string }) as Error }),
    );

    expect(gateway.updates).toHaveLength(0);
    expect((await gateway.query('{ planets { name moonCount } }')).result.data).toEqual({
      planets: [{ name: 'Mercury', moonCount: 0 }, { name: 'Saturn', moonCount: 146 }],
    });
  });

  it('retries the first load on a later call when it fails', async () => {
    const supergraphs = source();
    await expect(supergraphs.current()).rejects.toThrow(/cannot read the registry file/);
    await writeRegistry({ subgraphs: [] });
    await expect(supergraphs.current()).rejects.toThrow(/lists no subgraphs/);
    await writeRegistry({ subgraphs: [entryFor(planets)] });
    expect(await supergraphs.current()).toMatchObject({ origin: 'composed', subgraphs: [{ name: 'planets' }] });
  });

  it('never looks again when the interval is 0', async () => {
    await writeRegistry({ subgraphs: [entryFor(planets, true)] });
    const supergraphs = source({ pollIntervalMs: 0 });
    await supergraphs.current();
    await writeRegistry({ subgraphs: [entryFor(planets, true), entryFor(moons, true)] });
    now += 1_000 * INTERVAL;
    expect(supergraphs.refreshIfDue()).toBeUndefined();
  });

  it('lets a listener refuse an update, and offers it again at the next look without composing again', async () => {
    await writeRegistry({ subgraphs: [entryFor(planets, true)] });
    const supergraphs = source();
    const first = await supergraphs.current();
    let refuse = true;
    const accepted: Supergraph[] = [];
    supergraphs.onUpdate((supergraph) => {
      if (refuse) throw new Error('the engine could not build this schema');
      accepted.push(supergraph);
    });
    await writeRegistry({ subgraphs: [entryFor(planets, true), entryFor(moons, true)] });
    now += INTERVAL;
    expect(await supergraphs.refreshIfDue()).toMatchObject({ status: 'failed', supergraph: first });
    expect(await supergraphs.current()).toBe(first);

    refuse = false;
    now += INTERVAL;
    expect(await supergraphs.refreshIfDue()).toMatchObject({ status: 'updated', supergraph: { origin: 'memory', composeMs: 0 } });
    expect(accepted).toHaveLength(1);
    expect(compositions).toBe(2);
  });

  it('composes the three services of this repository', async () => {
    const services = ['users', 'articles', 'comments'];
    await writeRegistry({
      subgraphs: await Promise.all(
        services.map(async (name) => ({
          name,
          url: `http://127.0.0.1:1/${name}`,
          sdl: await readFile(join(__dirname, `../../subgraphs/${name}/schema.graphql`), 'utf8'),
        })),
      ),
    });
    const supergraph = await source().current();
    expect(supergraph.origin).toBe('composed');
    expect(supergraph.composeMs).toBeGreaterThan(0);
    expect(supergraph.supergraphSdl).toMatch(/commentCount: Int @join__field\(graph: COMMENTS\)/);
  });
});
