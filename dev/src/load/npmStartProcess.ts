import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { SETTLE_AFTER_MS } from '@bff/comments/counter';
import { parseEnv } from '@bff/kit/core';
import { localEnvSchema } from '@bff/kit/local';
import { createDocumentClient } from '@bff/kit/subgraph';

import { withKeptLocalStore } from '../keptLocalStore';
import { type LocalStores, localTableNames } from '../localServices';
import { processCpuMs } from './processCpuMs';
import { readLines } from './readLines';
import { ServiceLogTally } from './serviceLogs';
import { countStoredWrites } from './storedWrites';
import type { Lifecycle, SystemProcess } from './systemProcess';

export interface NpmStartOptions {
  /** The repository: npm start's bundle is built there and run from there (Vite's app is in its frontend/). */
  repoRoot: string;
  env: NodeJS.ProcessEnv;
  engine: string;
}

/** One run of the npm start process, from its spawn to its exit. */
interface Life {
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Everything it printed that is not a service's log line. */
  output: string[];
  storeEndpoint: string;
  gatewayUrl: string;
}

/** The last line of npm start's banner: everything serves once it is printed. */
const READY_LINE = 'Ctrl-C stops everything.';
const READY_TIMEOUT_MS = 120_000;
/** A stop past the grace npm start gives its requests, and this much more, is hung: it is killed. */
const STOP_MARGIN_MS = 30_000;
/** A stack trace line, as Node prints them: what a user must never see when stopping. */
const STACK_LINE = /^\s+at .+[(:]/;

/** A port no one listens on now: the kernel's pick for a listener on port 0. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A watchdog's wait: it does not keep the load tool alive once the run is over. */
const watchdog = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());

/**
 * The real `npm start` (`.build/dev/start.js`, built first as npm start builds
 * it) as the system under load, its data kept in a temporary LOCAL_DATA_DIR, on
 * a free PORT, without the frontend (FRONTEND=off: Vite would only take CPU from
 * the system under load). `interrupt` is Ctrl-C: SIGINT, its exit recorded
 * when it comes; `restart` waits for that exit and starts it again on the same
 * data and ports, as a user would. Counting reads its store over the store's
 * own endpoint while it runs; the final count stops it (a second recorded
 * Ctrl-C) and opens its data in this process, alone, as `npm run repair` does.
 */
export async function startNpmStartProcess(options: NpmStartOptions): Promise<SystemProcess> {
  execFileSync(process.execPath, [join(options.repoRoot, 'dev/build.mjs'), 'start'], { cwd: options.repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  const dataDir = await mkdtemp(join(tmpdir(), 'bff-load-npm-start-'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...options.env,
    LOCAL_DATA_DIR: dataDir,
    PORT: String(port),
    FRONTEND: 'off',
    GATEWAY_ENGINE: options.engine,
    // Breaker and failure lines are warnings; info lines would only cost the system CPU.
    POWERTOOLS_LOG_LEVEL: 'WARN',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
  // The grace npm start gives its requests when it stops, and the tables it names: as it reads them from env.
  const { SHUTDOWN_GRACE_MS: shutdownGraceMs } = parseEnv(localEnvSchema, env);
  const tables = localTableNames(env);
  const logs = new ServiceLogTally();
  const lifecycle: Lifecycle = { shutdowns: [], restarts: [] };
  let life: Life | undefined;
  // CPU of the lives that have ended, read just before each stop.
  let pastCpuMs = 0;
  const cpuMs = () => {
    const current = life ? processCpuMs(life.child.pid) : 0;
    return current === null ? null : pastCpuMs + current;
  };

  const launch = async (): Promise<Life> => {
    const child = spawn(process.execPath, ['--enable-source-maps', join(options.repoRoot, '.build/dev/start.js')], {
      cwd: options.repoRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output: string[] = [];
    let ready: (() => void) | undefined;
    const readyLine = new Promise<void>((resolve) => (ready = resolve));
    const onLine = (line: string) => {
      if (logs.read(line, performance.now())) return;
      output.push(line);
      if (line.trim() === READY_LINE) ready?.();
    };
    readLines(child.stdout, onLine);
    readLines(child.stderr, onLine);
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    const outcome = await Promise.race([readyLine.then(() => 'ready' as const), exited.then(() => 'exited' as const), watchdog(READY_TIMEOUT_MS).then(() => 'late' as const)]);
    if (outcome !== 'ready') {
      if (outcome === 'late') child.kill('SIGKILL');
      await exited;
      throw new Error(`npm start ${outcome === 'late' ? `did not serve within ${READY_TIMEOUT_MS / 1000} s` : 'exited before it served'}:\n${output.join('\n')}`);
    }
    const find = (label: string) => output.map((line) => new RegExp(`^${label}:\\s+(\\S+)`).exec(line)?.[1]).find(Boolean);
    const gatewayUrl = find('Gateway');
    const storeEndpoint = find('Store');
    if (!gatewayUrl || !storeEndpoint) throw new Error(`npm start's banner names no gateway or store:\n${output.join('\n')}`);
    return { child, exited, output, storeEndpoint, gatewayUrl };
  };

  /** A stop under way: Ctrl-C sent, the exit not yet recorded. */
  let stopping: Promise<void> | undefined;
  /** Sends SIGINT as Ctrl-C does; the stop goes on (and is recorded) while the caller goes on too. */
  const interrupt = (label: string): void => {
    const current = life;
    if (!current) return;
    pastCpuMs = cpuMs() ?? pastCpuMs;
    life = undefined;
    const from = current.output.length;
    const began = performance.now();
    current.child.kill('SIGINT');
    stopping = (async () => {
      const hung = watchdog(shutdownGraceMs + STOP_MARGIN_MS).then(() => 'hung' as const);
      if ((await Promise.race([current.exited, hung])) === 'hung') current.child.kill('SIGKILL');
      const { code, signal } = await current.exited;
      const output = current.output.slice(from);
      lifecycle.shutdowns.push({
        label,
        exitCode: code,
        exitSignal: signal,
        durationMs: Math.round(performance.now() - began),
        printedStopped: output.some((line) => line.trim() === 'Stopped.'),
        stackTrace: current.output.some((line) => STACK_LINE.test(line)),
        output,
      });
    })();
  };
  /** Ctrl-C, if it runs, and the wait until it has exited. */
  const stop = async (label: string): Promise<void> => {
    interrupt(label);
    await stopping;
    stopping = undefined;
  };

  /** Runs `count` against npm start's store while it serves, over the store's own endpoint. */
  const withStore = async <T>(endpoint: string, count: (stores: LocalStores) => Promise<T>): Promise<T> => {
    const client = createDocumentClient(endpoint);
    try {
      return await count({ client, tables });
    } finally {
      client.destroy();
    }
  };

  /** Counts npm start's kept data once it is stopped: nothing else can write, so every pending change is settled. */
  const countStopped = (withItems: boolean) => withKeptLocalStore(dataDir, env, (stores) => countStoredWrites(stores, { settleAfterMs: 0, withItems }));

  const kill = () => life?.child.kill('SIGKILL');
  // Nothing may outlive the load tool, even when it fails.
  process.once('exit', kill);
  try {
    life = await launch();
  } catch (error) {
    process.off('exit', kill);
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  const gatewayUrl = life.gatewayUrl;
  const notHere = (what: string) => () => Promise.reject(new Error(`npm start's subgraphs cannot be ${what} from outside it.`));

  return {
    kind: 'npm-start',
    gatewayUrl,
    engine: options.engine,
    logs,
    stopSubgraph: notHere('stopped'),
    startSubgraph: notHere('started'),
    interrupt: () => Promise.resolve(interrupt('mid-load')),
    async restart() {
      if (life) return;
      // As a user would: once the stopped one has exited (its ports and its data folder free).
      await stopping;
      stopping = undefined;
      const began = performance.now();
      life = await launch();
      lifecycle.restarts.push({
        durationMs: Math.round(performance.now() - began),
        repaired: life.output.map((line) => /^Repaired:\s+(.*)$/.exec(line)?.[1]).filter((line): line is string => line !== undefined),
      });
    },
    async count(countOptions) {
      const withItems = countOptions?.withItems ?? false;
      if (countOptions?.final) {
        const cpu = cpuMs();
        await stop('final');
        return { ...(await countStopped(withItems)), subgraphRequests: null, cpuMs: cpu };
      }
      if (!life) throw new Error('npm start is not running: restart it before counting.');
      // While it serves, changes younger than any request can live are left to their writers.
      const count = await withStore(life.storeEndpoint, (stores) => countStoredWrites(stores, { settleAfterMs: SETTLE_AFTER_MS, withItems }));
      return { ...count, subgraphRequests: null, cpuMs: cpuMs() };
    },
    lifecycle,
    async close() {
      await stop('close');
      process.off('exit', kill);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
