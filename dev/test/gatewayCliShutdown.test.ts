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

// The gateway in the child signs its calls; the subgraph here checks them with the same secret.
const SECRETS = { INTERNAL_SIGNING_SECRET: 'gateway-shutdown-test-internal-signing-secret-0123456789', JWT_SECRET: 'gateway-shutdown-test-jwt-secret-0123456789-0123456789' };
/** The test subgraphs' settings and keys, as their entry would parse them from SECRETS. */
const runtime = readRuntimeSettings(SECRETS);
const subgraphKeys = { settings: runtime, secrets: new Secrets(runtime.secrets) };

describe('npm run gateway: Ctrl-C while a request is running', () => {
  let dir: string;
  let subgraph: LocalLambdaServer;
  let child: ChildProcess | undefined;
  // The slow field waits here until the test lets it answer.
  let entered: () => void = () => undefined;
  let release: () => void = () => undefined;
  const slowEntered = new Promise<void>((resolve) => (entered = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));

  beforeAll(async () => {
    execFileSync(process.execPath, [join(root, 'dev/build.mjs'), 'gatewayCli'], { cwd: root });
    dir = await mkdtemp(join(tmpdir(), 'bff-gateway-stop-'));
    const handler = createSubgraphHandler({
      ...subgraphKeys,
      name: 'clock',
      typeDefs: `${link} type Query { now: String! slow: String! }`,
      resolvers: {
        Query: {
          now: () => 'now',
          slow: async () => {
            entered();
            await released;
            return 'finished';
          },
        },
      },
    });
    subgraph = await serveTestLambda(handler, 'clock');
  }, 30_000);
  afterAll(async () => {
    if (child?.exitCode === null) child.kill('SIGKILL');
    release();
    await subgraph.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('finishes the request, refuses new connections meanwhile, and exits 0 without a stack trace', async () => {
    const registryFile = join(dir, 'registry.json');
    await writeFile(registryFile, JSON.stringify({ subgraphs: [{ name: 'clock', url: `${subgraph.origin}/graphql` }] }));
    const gateway = spawn(process.execPath, ['--enable-source-maps', join(root, '.build/dev/gatewayCli.js'), '--registry', registryFile, '--port', '0'], {
      cwd: root,
      env: { ...process.env, ...SECRETS, POWERTOOLS_LOG_LEVEL: 'WARN', PORT: '' },
    });
    child = gateway;
    let stdout = '';
    let stderr = '';
    gateway.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    gateway.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => gateway.on('exit', (code) => resolve(code)));
    const printed = async (text: string) => {
      while (!stdout.includes(text)) {
        if (gateway.exitCode !== null) throw new Error(`The gateway exited:\n${stdout}\n${stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    };
    await printed('Ctrl-C stops it.');
    const url = /Gateway: +(\S+)/.exec(stdout)![1]!;

    const running = postGraphQL<{ slow: string }>(url, '{ slow }');
    await slowEntered;
    gateway.kill('SIGINT');
    await printed('SIGINT: stopping…');
    // A new connection finds no one listening: the gateway stopped accepting.
    await expect(fetch(url, { method: 'POST' })).rejects.toMatchObject({ cause: { code: 'ECONNREFUSED' } });
    expect(gateway.exitCode).toBeNull();

    release();
    expect(await running).toMatchObject({ status: 200, body: { data: { slow: 'finished' } } });
    expect(await exited).toBe(0);
    expect(stderr).not.toMatch(/^\s+at .+[(:]/m);
  }, 30_000);
});
