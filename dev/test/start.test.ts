import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { postGraphQL } from '@bff/kit/local';

const root = join(__dirname, '../..');

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** `npm start` as a child process, its data in `dataDir`. */
function start(dataDir: string, env: Record<string, string>): Run {
  const child = spawn(process.execPath, ['--enable-source-maps', join(root, '.build/dev/start.js')], {
    cwd: root,
    env: { ...process.env, POWERTOOLS_LOG_LEVEL: 'WARN', LOCAL_DATA_DIR: dataDir, NODE_ENV: '', CORS_ORIGINS: '', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

async function waitFor(run: Run, text: string, ms = 90_000): Promise<void> {
  for (let waited = 0; waited < ms; waited += 50) {
    if (run.stdout().includes(text)) return;
    if (run.child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`npm start never printed "${text}":\n${run.stdout()}\n${run.stderr()}`);
}

/** A port nothing listens on now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * A GraphQL POST whose body goes in two halves: between them the request is surely
 * in flight at the gateway. `finish` sends the rest; `answer` is what comes back.
 */
function halfSentQuery(url: string, query: string) {
  const body = JSON.stringify({ query });
  const req = request(url, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } });
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on('response', (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
  });
  const half = Math.floor(body.length / 2);
  const sent = new Promise<void>((resolve) => req.write(body.slice(0, half), () => resolve()));
  return { sent, finish: () => req.end(body.slice(half)), answer };
}

/** A stack trace line, as Node prints them: what a user must never see when stopping. */
const STACK_LINE = /^\s+at .+[(:]/m;

describe('npm start', () => {
  let dataDir: string;
  const children: ChildProcess[] = [];
  const run = (env: Record<string, string> = {}) => {
    const started = start(dataDir, env);
    children.push(started.child);
    return started;
  };

  beforeAll(async () => {
    execFileSync(process.execPath, [join(root, 'dev/build.mjs'), 'start'], { cwd: root });
    dataDir = await mkdtemp(join(tmpdir(), 'bff-start-'));
  }, 30_000);
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  });

  it('refuses NODE_ENV=production in one line', async () => {
    const refused = run({ NODE_ENV: 'production' });
    expect(await refused.exited).toBe(1);
    expect(refused.stderr()).toBe(
      'npm start runs a local development system (demo accounts with a known password) and refuses NODE_ENV=production; deploy with npm run deploy\n',
    );
  }, 20_000);

  it('says in one line that FRONTEND_PORT or PORT is busy, as it says for either', async () => {
    const busy: Server = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as { port: number }).port;
    try {
      const frontend = run({ PORT: String(await freePort()), FRONTEND_PORT: String(port) });
      expect(await frontend.exited).toBe(1);
      expect(frontend.stderr()).toBe(`Port ${port} is already in use: stop what uses it, or start on another port with FRONTEND_PORT=${port + 1} npm start\n`);
      const gateway = run({ PORT: String(port), FRONTEND_PORT: String(await freePort()) });
      expect(await gateway.exited).toBe(1);
      expect(gateway.stderr()).toBe(`Port ${port} is already in use: stop what uses it, or start on another port with PORT=${port + 1} npm start\n`);
    } finally {
      await new Promise((resolve) => busy.close(resolve));
    }
  }, 60_000);

  it('stops on Ctrl-C under load: the requests in flight finish, it exits 0 with no stack trace, and starts again', async () => {
    const env = { PORT: String(await freePort()), FRONTEND_PORT: String(await freePort()) };
    const first = run(env);
    await waitFor(first, 'Ctrl-C stops everything.');
    const url = /Gateway: +(\S+)/.exec(first.stdout())![1]!;

    // Clients keep asking until the door shuts: each gets a whole answer or a refused connection.
    let loading = true;
    const outcomes: string[] = [];
    const client = async () => {
      while (loading) {
        outcomes.push(
          await postGraphQL(url, '{ articles(first: 5) { nodes { title author { name } commentCount } } }').then(
            (answer) => String(answer.status),
            (error: Error) => (error.cause as NodeJS.ErrnoException | undefined)?.code ?? error.message,
          ),
        );
      }
    };
    const clients = Array.from({ length: 4 }, client);
    while (outcomes.length < 20) await new Promise((resolve) => setTimeout(resolve, 20));

    const inFlight = halfSentQuery(url, '{ __typename }');
    await inFlight.sent;
    first.child.kill('SIGINT');
    await waitFor(first, 'SIGINT: stopping…');
    // The rest of the body arrives after the stop began: the gateway still answers it in full.
    inFlight.finish();
    expect(await inFlight.answer).toEqual({ status: 200, body: '{"data":{"__typename":"Query"}}\n' });

    expect(await first.exited).toBe(0);
    loading = false;
    await Promise.all(clients);
    expect(first.stdout()).toContain('Stopped.');
    expect(first.stderr()).not.toMatch(STACK_LINE);
    expect(first.stderr()).not.toContain('Database is closed');
    expect(outcomes.filter((outcome) => outcome === '200').length).toBeGreaterThanOrEqual(20);
    // Every other outcome is a connection the stopping system did not take: never a 500 or a half answer.
    expect(outcomes.filter((outcome) => outcome !== '200' && !/^(ECONNREFUSED|ECONNRESET|UND_ERR_SOCKET)$/.test(outcome))).toEqual([]);

    const second = run(env);
    await waitFor(second, 'Ctrl-C stops everything.');
    expect(second.stdout()).toContain('demo data already there');
    const answer = await postGraphQL<{ articles: { nodes: unknown[] } }>(url, '{ articles(first: 5) { nodes { title } } }');
    expect(answer.status).toBe(200);
    expect(answer.body.data?.articles.nodes).toHaveLength(5);
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
    expect(second.stderr()).not.toMatch(STACK_LINE);
  }, 180_000);
});
