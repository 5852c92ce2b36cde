import { type ChildProcess, fork } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

import type { Counters, GatewayReady, SubgraphsReady, SubgraphsReply } from './children/protocol';

/** A child process of the bench that reported itself ready. */
export interface BenchChild<Ready> {
  child: ChildProcess;
  ready: Ready;
  stop: () => Promise<void>;
}

/**
 * Forks a built entry and waits for its `ready` message; its stderr is passed
 * through so that a crash says why. Rejects when it exits first.
 */
export function forkChild<Ready>(file: string, args: string[], env: NodeJS.ProcessEnv): Promise<BenchChild<Ready>> {
  const child = fork(file, args, { env, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`${file} exited (${code}) before it was ready`));
    child.once('exit', onExit);
    child.on('message', (message: { type?: string }) => {
      if (message.type !== 'ready') return;
      child.off('exit', onExit);
      resolve({ child, ready: message as Ready, stop });
    });
  });
}

export type SubgraphsChild = BenchChild<SubgraphsReady> & { counters: (reset: boolean) => Promise<Counters> };

export async function startSubgraphs(file: string, env: NodeJS.ProcessEnv): Promise<SubgraphsChild> {
  const started = await forkChild<SubgraphsReady>(file, [], env);
  const counters = (reset: boolean) =>
    new Promise<Counters>((resolve) => {
      const onMessage = (message: SubgraphsReply) => {
        if (message.type !== 'counters') return;
        started.child.off('message', onMessage);
        resolve(message.counters);
      };
      started.child.on('message', onMessage);
      started.child.send({ type: 'counters', reset });
    });
  return { ...started, counters };
}

/** Waits until the subgraphs have had no request for a quarter second: a load test's stragglers are done. */
export async function drained(subgraphs: SubgraphsChild): Promise<void> {
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const { requests } = await subgraphs.counters(true);
    if (Object.values(requests).every((count) => count === 0)) return;
  }
}

export const startGateway = (file: string, args: string[], env: NodeJS.ProcessEnv) => forkChild<GatewayReady>(file, args, env);

/** The process's peak resident set so far, in bytes (Linux: VmHWM), or undefined elsewhere. */
export function peakRss(pid: number): number | undefined {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Forgets the peak so far, so that the next reading covers only what follows (Linux ≥ 4.0). */
export function resetPeakRss(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}
