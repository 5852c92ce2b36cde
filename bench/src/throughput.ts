import { processCpuMs } from '@bff/dev/processCpuMs';
import autocannon from 'autocannon';

import { postChecked } from './http';
import { peakRss, resetPeakRss } from './processes';
import { round } from './stats';

export interface ThroughputResult {
  name: string;
  /** autocannon's connections, each sending the next request when its answer is in. */
  connections: number;
  /** Correct answers per second (failures left out). */
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  requests: number;
  /** Errors, timeouts, non-2xx answers and answers that differ from the checked one. */
  failures: number;
  /** Peak resident set of the gateway process during the run, in MiB (Linux), or null. */
  peakRssMiB: number | null;
  /** CPU time of the gateway process (all its threads) per correct answer, in ms (Linux), or null. */
  cpuMsPerRequest?: number | null;
}

export const CONNECTIONS = 50;

export interface LoadOptions {
  /** The row's name in the results. */
  name: string;
  url: string;
  /** The gateway process: its memory and CPU time are read from /proc. */
  pid: number;
  /** The GraphQL request body every connection sends. */
  body: string;
  seconds: number;
  connections?: number;
  /** The exact answer every request must get; by default the first answer (checked: 200, data, no errors). */
  expected?: string;
}

/** autocannon's settings for one load: every answer must equal `expected` to count. */
export const autocannonOptions = (options: LoadOptions, expected: string) => ({
  url: options.url,
  method: 'POST' as const,
  headers: { 'content-type': 'application/json' },
  body: options.body,
  connections: options.connections ?? CONNECTIONS,
  expectBody: expected,
});

/** Runs autocannon once, without measuring anything: connections open, code paths hot, the JIT done. */
export async function warmUp(options: LoadOptions, expected: string, seconds: number): Promise<void> {
  await autocannon({ ...autocannonOptions(options, expected), duration: Math.max(1, Math.round(seconds)) });
}

/**
 * autocannon against one gateway: N connections (50) sending one body for
 * `seconds`, after a warm-up of a fifth of that. Every answer must equal the
 * expected one (200, data, no errors), so a fast wrong answer counts as a failure,
 * not a request. Reads the gateway process's peak RSS and CPU time over the run.
 */
export async function measureThroughput(
  options: LoadOptions,
  { warmUpFirst = true, before }: { warmUpFirst?: boolean; before?: () => Promise<void> } = {},
): Promise<ThroughputResult> {
  const expected = options.expected ?? (await postChecked(options.url, options.body));
  if (warmUpFirst) await warmUp(options, expected, options.seconds / 5);
  // E.g. waiting for the warm-up's last requests to finish.
  await before?.();
  const resetWorked = resetPeakRss(options.pid);
  const cpuBefore = processCpuMs(options.pid);
  const result = await autocannon({ ...autocannonOptions(options, expected), duration: options.seconds });
  const cpuAfter = processCpuMs(options.pid);
  const peak = resetWorked ? peakRss(options.pid) : undefined;
  const failures = result.errors + result.timeouts + result.non2xx + result.mismatches;
  const correct = Math.max(0, result.requests.total - failures);
  return {
    name: options.name,
    connections: options.connections ?? CONNECTIONS,
    // Answered correctly, per second: a fast wrong answer is not throughput.
    requestsPerSecond: round(correct / options.seconds),
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    requests: result.requests.total,
    failures,
    peakRssMiB: peak === undefined ? null : round(peak / 1024 / 1024),
    cpuMsPerRequest: cpuBefore === null || cpuAfter === null || correct === 0 ? null : round((cpuAfter - cpuBefore) / correct),
  };
}
