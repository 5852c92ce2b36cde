import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { parse, print } from 'graphql';

import { type LocalLambdaServer, postGraphQL } from '@bff/kit/local';
import { registryOf, serveTestLambda, startPlanetsAndMoons, type TroubledSubgraph } from '@bff/test-support';

import { createGatewayHandler } from '../src/createGatewayHandler';
import { ENGINE_NAMES } from '../src/engines/engine';
import { LocalFileRegistry } from '../src/registry/localFileRegistry';
import { type GatewaySettings, readGatewaySettings } from '../src/settings';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const TRUSTED = '{ planets { name } }';
// Manifests are keyed by the printed document, whatever layout the client sends.
const PRINTED = print(parse(TRUSTED));

describe.each(ENGINE_NAMES)('edge protection, %s engine', (engine) => {
  let dir: string;
  let registryFile: string;
  let planets: TroubledSubgraph;
  let moons: TroubledSubgraph;
  const servers: LocalLambdaServer[] = [];

  async function gateway(changes: Partial<GatewaySettings> = {}): Promise<string> {
    const settings = { engine, maxDepth: 4, maxAliases: 3, maxRootFields: 2, ...changes };
    const server = await serveTestLambda(createGatewayHandler({ registry: new LocalFileRegistry(registryFile), settings }), 'edge');
    servers.push(server);
    return `${server.origin}/graphql`;
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bff-edge-'));
    ({ planets, moons } = await startPlanetsAndMoons());
    registryFile = join(dir, 'registry.json');
    await writeFile(registryFile, registryOf(planets, moons));
    await writeFile(join(dir, 'trusted.json'), JSON.stringify({ [sha256(PRINTED)]: PRINTED }));
  });
  afterAll(async () => {
    for (const server of [...servers, planets.server, moons.server]) await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses a body over the size limit with 413, before any work', async () => {
    const url = await gateway({ maxBodyBytes: 200 });
    const result = await postGraphQL(url, `{ planets { name } } # ${'x'.repeat(300)}`);
    expect(result.status).toBe(413);
    expect(result.body.errors?.[0]).toMatchObject({ extensions: { code: 'PAYLOAD_TOO_LARGE' } });
    expect(planets.requests.some((body) => body.includes('xxxx'))).toBe(false);
  });

  it('refuses queries too deep, with too many aliases or too many root fields', async () => {
    const url = await gateway();
    const cases = [
      ['{ planet(id: "p1") { name } planets { name } }', 200],
      ['{ a: planet(id: "p1") { name } b: planet(id: "p2") { name } c: planet(id: "p3") { name } }', 400],
      ['{ a: planets { b: name c: moonCount d: whoAsked } }', 400],
    ] as const;
    for (const [query, status] of cases) expect((await postGraphQL(url, query)).status).toBe(status);
    const deep = await postGraphQL(url, '{ planets { name } ...F } fragment F on Query { planet(id: "p1") { ... on Planet { name } } }');
    expect(deep.status).toBe(200);

    const wide = await postGraphQL(url, '{ planets { name } planet(id: "p1") { name } again: planets { name } }');
    expect(wide.body.errors?.[0]).toMatchObject({
      message: 'This operation asks for 3 root fields; at most 2 are allowed.',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    const aliased = await postGraphQL(url, '{ a: planets { b: name c: moonCount d: whoAsked } }');
    expect(aliased.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(aliased.body.errors?.[0]?.message).toMatch(/Aliases limit of 3 exceeded/);
  });

  it('counts root fields through inline fragments and fragment spreads', async () => {
    const url = await gateway();
    const refusal = {
      message: 'This operation asks for 3 root fields; at most 2 are allowed.',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    };
    const inline = await postGraphQL(url, '{ ... on Query { a: planet(id: "p1") { name } b: planet(id: "p2") { name } c: planet(id: "p3") { name } } }');
    expect(inline.status).toBe(400);
    expect(inline.body.errors).toContainEqual(expect.objectContaining(refusal));
    const spread = await postGraphQL(url, '{ planets { name } ...F } fragment F on Query { planet(id: "p1") { name } ... on Query { again: planets { id } } }');
    expect(spread.status).toBe(400);
    expect(spread.body.errors).toContainEqual(expect.objectContaining(refusal));
    // The same field through two fragments runs once: two root fields.
    const merged = await postGraphQL(url, '{ planets { name } ...F ...F __typename } fragment F on Query { planets { id } planet(id: "p1") { name } }');
    expect(merged.body).toEqual({
      data: { planets: [{ name: 'Mercury', id: 'p1' }, { name: 'Saturn', id: 'p6' }], planet: { name: 'p1' }, __typename: 'Query' },
    });
  });

  it('limits depth', async () => {
    const url = await gateway({ maxDepth: 2 });
    expect((await postGraphQL(url, '{ planets { name } }')).status).toBe(200);
    const deep = await postGraphQL(url, '{ planet(id: "p1") { name } planets { name moonCount } } ');
    expect(deep.status).toBe(200);
    const tooDeep = await gateway({ maxDepth: 1 });
    const refused = await postGraphQL(tooDeep, '{ planets { name } }');
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.[0]?.message).toMatch(/depth limit of 1 exceeded/);
  });

  it('serves automatic persisted queries: a hash alone once the query is known', async () => {
    const url = await gateway();
    const query = '{ planets { id } }';
    const extensions = { persistedQuery: { version: 1, sha256Hash: sha256(query) } };
    const send = (body: Record<string, unknown>) =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(
        async (response) => (await response.json()) as { data?: unknown; errors?: { extensions: { code: string } }[] },
      );
    expect((await send({ extensions })).errors?.[0]?.extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await send({ query, extensions })).data).toEqual({ planets: [{ id: 'p1' }, { id: 'p6' }] });
    expect((await send({ extensions })).data).toEqual({ planets: [{ id: 'p1' }, { id: 'p6' }] });
  });

  it('accepts only registered operations when trusted documents are enforced', async () => {
    const url = await gateway({ trustedDocumentsFile: join(dir, 'trusted.json'), enforceTrustedDocuments: true });
    expect((await postGraphQL(url, TRUSTED)).body).toEqual({ data: { planets: [{ name: 'Mercury' }, { name: 'Saturn' }] } });
    // As a code generator lays it out: the same operation.
    expect((await postGraphQL(url, '\n    query {\n  planets {\n    name\n  }\n}\n    ')).body).toEqual({ data: { planets: [{ name: 'Mercury' }, { name: 'Saturn' }] } });
    const byHash = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256(PRINTED) } } }),
    });
    expect(await byHash.json()).toEqual({ data: { planets: [{ name: 'Mercury' }, { name: 'Saturn' }] } });
    const other = await postGraphQL(url, '{ planets { id } }');
    expect(other.status).toBe(403);
    expect(other.body.errors?.[0]).toMatchObject({ message: 'Only registered operations are accepted here.', extensions: { code: 'OPERATION_NOT_TRUSTED' } });
  });

  it('allows CORS for the configured origins only', async () => {
    const url = await gateway({ corsOrigins: ['http://localhost:5173'] });
    const preflight = (origin: string) =>
      fetch(url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    const allowed = await preflight('http://localhost:5173');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(allowed.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    const refused = await preflight('https://evil.example');
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();

    const post = (origin: string) => postGraphQL(url, TRUSTED, undefined, { origin });
    expect((await post('http://localhost:5173')).headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect((await post('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('in production', () => {
  const settings = readGatewaySettings({ NODE_ENV: 'production', JWT_SECRET: 'p'.repeat(40), INTERNAL_SIGNING_SECRET: 'q'.repeat(40) });
  let dir: string;
  let planets: TroubledSubgraph;
  let moons: TroubledSubgraph;
  let server: LocalLambdaServer;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bff-prod-'));
    ({ planets, moons } = await startPlanetsAndMoons(settings.runtime));
    await writeFile(join(dir, 'registry.json'), registryOf(planets, moons));
    server = await serveTestLambda(createGatewayHandler({ registry: new LocalFileRegistry(join(dir, 'registry.json')), settings }), 'prod');
  });
  afterAll(async () => {
    for (const closing of [server, planets.server, moons.server]) await closing.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('turns introspection off and still serves queries', async () => {
    const url = `${server.origin}/graphql`;
    expect((await postGraphQL(url, '{ planets { name } }')).body.data).toEqual({ planets: [{ name: 'Mercury' }, { name: 'Saturn' }] });
    const introspection = await postGraphQL(url, '{ __schema { types { name } } }');
    expect(introspection.status).toBe(400);
    expect(introspection.body.errors?.[0]?.message).toMatch(/introspection is not allowed/i);
  });
});
