import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { readRuntimeSettings, Secrets } from '@bff/kit/core';
import { type LocalLambdaServer, postGraphQL } from '@bff/kit/local';
import { serveTestLambda } from '@bff/test-support';
import { createSubgraphHandler } from '@bff/kit/subgraph';

const root = join(__dirname, '../..');
const link = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])';

// The gateway in the child signs its calls; the subgraphs here check them with the same secret.
const SECRETS = { INTERNAL_SIGNING_SECRET: 'gateway-cli-test-internal-signing-secret-0123456789', JWT_SECRET: 'gateway-cli-test-jwt-secret-0123456789-0123456789' };
/** The test subgraphs' settings and keys, as their entry would parse them from SECRETS. */
const runtime = readRuntimeSettings(SECRETS);
const subgraphKeys = { settings: runtime, secrets: new Secrets(runtime.secrets) };

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

function runCli(args: string[]): Run {
  const child = spawn(process.execPath, ['--enable-source-maps', join(root, '.build/dev/gatewayCli.js'), ...args], {
    cwd: root,
    env: { ...process.env, ...SECRETS, POWERTOOLS_LOG_LEVEL: 'SILENT', PORT: '' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

async function gatewayUrl(run: Run): Promise<string> {
  for (let waited = 0; waited < 15_000; waited += 50) {
    const url = /Gateway: +(\S+)/.exec(run.stdout())?.[1];
    if (url && run.stdout().includes('Ctrl-C stops it.')) return url;
    if (run.child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`The gateway did not start:\n${run.stdout()}\n${run.stderr()}`);
}

describe('npm run gateway -- --registry <file>: bring your own subgraphs', () => {
  let dir: string;
  let registryFile: string;
  const servers: LocalLambdaServer[] = [];
  const children: ChildProcess[] = [];
  const run = (args: string[]) => {
    const started = runCli(args);
    children.push(started.child);
    return started;
  };

  beforeAll(async () => {
    execFileSync(process.execPath, [join(root, 'dev/build.mjs'), 'gatewayCli'], { cwd: root });
    dir = await mkdtemp(join(tmpdir(), 'bff-gateway-cli-'));
    registryFile = join(dir, 'registry.json');
    const stars = createSubgraphHandler({
      ...subgraphKeys,
      name: 'stars',
      typeDefs: `${link} type Star @key(fields: "id") { id: ID! name: String! } type Query { stars: [Star!]! }`,
      resolvers: {
        Query: { stars: () => [{ id: 's1', name: 'Sirius' }, { id: 's2', name: 'Vega' }] },
        Star: { __resolveReference: ({ id }: { id: string }) => ({ id, name: id }) },
      },
    });
    const spectra = createSubgraphHandler({
      ...subgraphKeys,
      name: 'spectra',
      typeDefs: `${link} type Star @key(fields: "id") { id: ID! spectralType: String! }`,
      resolvers: { Star: { __resolveReference: ({ id }: { id: string }) => ({ id, spectralType: id === 's1' ? 'A1V' : 'A0V' }) } },
    });
    servers.push(await serveTestLambda(stars, 'stars'), await serveTestLambda(spectra, 'spectra'));
    await writeFile(registryFile, JSON.stringify({ subgraphs: servers.map((server) => ({ name: server.name, url: `${server.origin}/graphql` })) }));
  }, 30_000);
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    for (const server of servers) await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves the subgraphs a registry file lists, joined, and stops cleanly on Ctrl-C', async () => {
    const gateway = run(['--registry', registryFile, '--port', '0']);
    const url = await gatewayUrl(gateway);
    expect(gateway.stdout()).toMatch(/Subgraph: +stars +http:\/\/127\.0\.0\.1:\d+\/graphql/);
    expect(gateway.stdout()).toContain('Composed:  ready');
    const result = await postGraphQL(url, '{ stars { name spectralType } }');
    expect(result.body).toEqual({ data: { stars: [{ name: 'Sirius', spectralType: 'A1V' }, { name: 'Vega', spectralType: 'A0V' }] } });

    gateway.child.kill('SIGINT');
    expect(await gateway.exited).toBe(0);
    expect(gateway.stdout()).toContain('SIGINT: stopping');
    await expect(fetch(url, { method: 'POST' })).rejects.toThrow();
  }, 20_000);

  it('says in one line what is wrong with a missing or invalid registry file, or missing arguments', async () => {
    const broken = join(dir, 'broken.json');
    await writeFile(broken, '{"subgraphs":[{"name":"stars"}]}');
    const notJson = join(dir, 'not-json.json');
    await writeFile(notJson, '{"subgraphs":');
    const [missing, invalid, unparsable, noArgs] = [
      run(['--registry', join(dir, 'absent.json')]),
      run(['--registry', broken]),
      run(['--registry', notJson]),
      run([]),
    ];
    expect(await Promise.all([missing.exited, invalid.exited, unparsable.exited, noArgs.exited])).toEqual([1, 1, 1, 1]);
    expect(missing.stderr()).toBe(`Registry file not found: ${join(dir, 'absent.json')} (write one like {"subgraphs":[{"name":"users","url":"http://127.0.0.1:4001/graphql"}]})\n`);
    expect(invalid.stderr()).toBe(`file:${broken}: subgraphs[0]: subgraph "stars" needs an http(s) url\n`);
    expect(unparsable.stderr()).toMatch(new RegExp(`^file:${notJson.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: not valid JSON \\(.*\\)\\n$`));
    expect(noArgs.stderr().split('\n')[0]).toBe('--registry <file> is required: a JSON file {"subgraphs":[{"name","url","sdl"?}]}');
    expect(noArgs.stderr()).toContain('Usage: npm run gateway -- --registry <file> [--port 4000]');
  }, 20_000);

  it('says the port is busy', async () => {
    const busy = servers[0]!.port;
    const gateway = run(['--registry', registryFile, '--port', String(busy)]);
    expect(await gateway.exited).toBe(1);
    expect(gateway.stderr()).toBe(`Port ${busy} is already in use: stop what uses it, or pick another with --port ${busy + 1}\n`);
  }, 20_000);
});
