import { type ChildProcess, execFileSync, fork, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

import type { Counters, GatewayReady, SubgraphsReady, SubgraphsReply } from './children/protocol';

/** A child process of the bench that reported itself ready. */
export interface BenchChild<Ready> {
  child: ChildProcess;
  ready: Ready;
  stop: () => Promise<void>;
}

export interface ForkOptions {
  /** CPUs to pin the process to, as taskset takes them ("0", "1-3"); ignored without taskset. */
  cpus?: string;
}

let hasTaskset: boolean | undefined;

/** Whether `taskset` (util-linux) is on the PATH: without it, nothing is pinned. */
export function tasksetAvailable(): boolean {
  if (hasTaskset === undefined) {
    try {
      execFileSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' });
      hasTaskset = true;
    } catch {
      hasTaskset = false;
    }
  }
  return hasTaskset;
}

/**
 * Forks a built entry and waits for its `ready` message; its stderr is passed
 * through so that a crash says why. Rejects when it exits first. With `cpus`, the
 * process runs under `taskset` from its first instruction, so every thread it
 * starts (GC helpers, libuv's pool) stays on those CPUs.
 */
export function forkChild<Ready>(file: string, args: string[], env: NodeJS.ProcessEnv, options: ForkOptions = {}): Promise<BenchChild<Ready>> {
  const stdio: ['ignore', 'ignore', 'inherit', 'ipc'] = ['ignore', 'ignore', 'inherit', 'ipc'];
  const child =
    options.cpus !== undefined && tasksetAvailable()
      ? spawn('taskset', ['-c', options.cpus, process.execPath, file, ...args], { env, stdio })
      : fork(file, args, { env, stdio });
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

/** Sends `message` to a child and waits for its first reply of type `replyType`. */
export function ask<Reply extends { type: string }>(child: ChildProcess, message: object, replyType: Reply['type']): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const onExit = () => reject(new Error(`the child exited before it answered ${replyType}`));
    const onMessage = (reply: Reply) => {
      if (reply.type !== replyType) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(reply);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
    child.send(message);
  });
}

export type SubgraphsChild = BenchChild<SubgraphsReady> & { counters: (reset: boolean) => Promise<Counters> };

export async function startSubgraphs(file: string, env: NodeJS.ProcessEnv): Promise<SubgraphsChild> {
  const started = await forkChild<SubgraphsReady>(file, [], env);
  const counters = async (reset: boolean) =>
    (await ask<Extract<SubgraphsReply, { type: 'counters' }>>(started.child, { type: 'counters', reset }, 'counters')).counters;
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

export const startGateway = (file: string, args: string[], env: NodeJS.ProcessEnv, options: ForkOptions = {}) =>
  forkChild<GatewayReady>(file, args, env, options);

function statusField(pid: number, field: 'VmHWM' | 'VmRSS'): number | undefined {
  try {
    const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** The process's peak resident set so far, in bytes (Linux: VmHWM), or undefined elsewhere. */
export const peakRss = (pid: number): number | undefined => statusField(pid, 'VmHWM');

/** The process's resident set now, in bytes (Linux: VmRSS), or undefined elsewhere. */
export const currentRss = (pid: number): number | undefined => statusField(pid, 'VmRSS');

/** Forgets the peak so far, so that the next reading covers only what follows (Linux ≥ 4.0). */
export function resetPeakRss(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** This process's CPU affinity as taskset's hex mask, to restore it later. */
export function affinityMask(pid: number): string | undefined {
  if (!tasksetAvailable()) return undefined;
  return /mask:\s*([0-9a-f]+)/i.exec(execFileSync('taskset', ['-p', String(pid)], { encoding: 'utf8' }))?.[1];
}

/** Pins every thread of a running process to `cpus` (a list) or to a hex `mask`. */
export function pinProcess(pid: number, target: { cpus: string } | { mask: string }): void {
  if (!tasksetAvailable()) return;
  const args = 'cpus' in target ? ['-a', '-p', '-c', target.cpus, String(pid)] : ['-a', '-p', target.mask, String(pid)];
  execFileSync('taskset', args, { stdio: 'ignore' });
}
