import { type ChildProcess, fork } from 'node:child_process';

import { readLines } from './readLines';
import { ServiceLogTally } from './serviceLogs';
import type { StoreSnapshot } from './storeSnapshot';
import { type StoredWrites, SYSTEM_ROLE, SYSTEM_ROLE_ENV, type SystemCommand, type SystemReply } from './systemProtocol';

/** Distributes SystemCommand over its variants, so that each keeps its own fields without the id. */
type CommandBody = SystemCommand extends infer C ? (C extends SystemCommand ? Omit<C, 'id'> : never) : never;

export interface SystemCount {
  stored: StoredWrites;
  /** Every comment, counter and article, when asked for. */
  items?: StoreSnapshot;
  /** Requests each subgraph has served since the system started; null when the system does not say (npm start). */
  subgraphRequests: Record<string, number> | null;
  /** CPU time the system process has used since it started; null when it cannot be read. */
  cpuMs: number | null;
}

/** The local system in a process of its own, under the load tool's control. */
export interface SystemProcess {
  /** `child`: the load tool's own system process (in memory); `npm-start`: the real npm start on a kept data folder. */
  kind: 'child' | 'npm-start';
  gatewayUrl: string;
  engine: string;
  /** What its services have logged so far. */
  logs: ServiceLogTally;
  stopSubgraph(name: string): Promise<void>;
  startSubgraph(name: string): Promise<void>;
  /** Ctrl-C: sends SIGINT; the process stops on its own (npm start only). */
  interrupt(): Promise<void>;
  /** Once the stopped process has exited, starts it again on the same data and ports (npm start only). */
  restart(): Promise<void>;
  /**
   * Once no request is in flight: what the system stored, served and spent.
   * `final`: the run is over, and the system may be stopped to count (npm start is).
   */
  count(options?: { withItems?: boolean; final?: boolean }): Promise<SystemCount>;
  /** How each stop and start of npm start went; empty for the child. */
  lifecycle: Lifecycle;
  close(): Promise<void>;
}

/** One stop of npm start by signal, as the user would have seen it. */
export interface ShutdownRecord {
  /** `mid-load` (the scenario's Ctrl-C) or `final` (after the run, to count). */
  label: string;
  exitCode: number | null;
  /** The signal that ended it, when one did (a stop that hung is killed). */
  exitSignal: string | null;
  durationMs: number;
  /** It printed `Stopped.`. */
  printedStopped: boolean;
  /** Some line of its output looked like a stack trace. */
  stackTrace: boolean;
  /** What it printed from the signal to its exit, besides its services' log lines. */
  output: string[];
}

/** One start of npm start after a stop. */
export interface RestartRecord {
  /** From the spawn (once the stopped one had exited) until the gateway served. */
  durationMs: number;
  /** What its start-up repair said it fixed (`Repaired:` lines): a stop that left work undone. */
  repaired: string[];
}

export interface Lifecycle {
  shutdowns: ShutdownRecord[];
  restarts: RestartRecord[];
}

/**
 * Forks `entry` (the load tool's own bundle) as the system under load and waits
 * until its gateway serves. Its services' log lines, on stdout and stderr, are
 * tallied; anything else it prints is passed on to stderr.
 */
export function startSystemProcess(entry: string, env: NodeJS.ProcessEnv): Promise<SystemProcess> {
  const child: ChildProcess = fork(entry, [], {
    env: {
      ...env,
      [SYSTEM_ROLE_ENV]: SYSTEM_ROLE,
      // Breaker and failure lines are warnings; info lines would only cost the system CPU.
      POWERTOOLS_LOG_LEVEL: 'WARN',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const logs = new ServiceLogTally();
  const onLine = (line: string) => {
    if (!logs.read(line, performance.now())) process.stderr.write(`[system] ${line}\n`);
  };
  readLines(child.stdout, onLine);
  readLines(child.stderr, onLine);

  let nextId = 1;
  const pending = new Map<number, { resolve: (reply: SystemReply & { type: 'done' }) => void; reject: (error: Error) => void }>();
  const send = (command: CommandBody) =>
    new Promise<SystemReply & { type: 'done' }>((resolve, reject) => {
      if (!child.connected) return reject(new Error('The system process has exited.'));
      const id = nextId++;
      pending.set(id, { resolve, reject });
      child.send({ ...command, id });
    });

  return new Promise((resolve, reject) => {
    child.once('exit', (code, signal) => {
      const error = new Error(`The system process exited (${signal ?? code}).`);
      reject(error);
      for (const waiting of pending.values()) waiting.reject(error);
      pending.clear();
    });
    child.on('message', (reply: SystemReply) => {
      if (reply.type === 'ready') {
        const onlyNpmStart = (what: string) => () => Promise.reject(new Error(`${what} is for npm start (a scenario whose system is npm-start).`));
        resolve({
          kind: 'child',
          gatewayUrl: reply.gatewayUrl,
          engine: reply.engine,
          logs,
          stopSubgraph: async (subgraph) => void (await send({ type: 'stop-subgraph', subgraph })),
          startSubgraph: async (subgraph) => void (await send({ type: 'start-subgraph', subgraph })),
          interrupt: onlyNpmStart('interrupt'),
          restart: onlyNpmStart('restart'),
          count: async (options) => {
            const reply = await send({ type: 'count', withItems: options?.withItems });
            const { stored, items } = reply.count!;
            return { stored, ...(items && { items }), subgraphRequests: reply.subgraphRequests ?? {}, cpuMs: reply.cpuMs ?? null };
          },
          lifecycle: { shutdowns: [], restarts: [] },
          close: async () => {
            if (child.exitCode !== null || child.signalCode !== null) return;
            const exited = new Promise((done) => child.once('exit', done));
            await send({ type: 'close' }).catch(() => child.kill('SIGTERM'));
            await exited;
          },
        });
        return;
      }
      const waiting = pending.get(reply.id);
      pending.delete(reply.id);
      if (reply.type === 'failed') waiting?.reject(new Error(reply.message));
      else waiting?.resolve(reply);
    });
  });
}
