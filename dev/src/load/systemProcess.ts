import { type ChildProcess, fork } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

import { ServiceLogTally } from './serviceLogs';
import { type StoredWrites, SYSTEM_ROLE, SYSTEM_ROLE_ENV, type SystemCommand, type SystemReply } from './systemProtocol';

/** Distributes SystemCommand over its variants, so that each keeps its own fields without the id. */
type CommandBody = SystemCommand extends infer C ? (C extends SystemCommand ? Omit<C, 'id'> : never) : never;

export interface SystemCount {
  stored: StoredWrites;
  /** Requests each subgraph has served since the system started. */
  subgraphRequests: Record<string, number>;
  /** CPU time the system process has used since it started. */
  cpuMs: number;
}

/** The local system running in a child process, under the load tool's control. */
export interface SystemProcess {
  gatewayUrl: string;
  engine: string;
  /** What its services have logged so far. */
  logs: ServiceLogTally;
  stopSubgraph(name: string): Promise<void>;
  startSubgraph(name: string): Promise<void>;
  /** Once no subgraph request is in flight: what the system stored, served and spent. */
  count(): Promise<SystemCount>;
  close(): Promise<void>;
}

function readLines(stream: Readable | null, onLine: (line: string) => void): void {
  if (stream) createInterface({ input: stream, crlfDelay: Infinity }).on('line', onLine);
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
        resolve({
          gatewayUrl: reply.gatewayUrl,
          engine: reply.engine,
          logs,
          stopSubgraph: async (subgraph) => void (await send({ type: 'stop-subgraph', subgraph })),
          startSubgraph: async (subgraph) => void (await send({ type: 'start-subgraph', subgraph })),
          count: async () => {
            const reply = await send({ type: 'count' });
            return { stored: reply.stored!, subgraphRequests: reply.subgraphRequests ?? {}, cpuMs: reply.cpuMs ?? 0 };
          },
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
