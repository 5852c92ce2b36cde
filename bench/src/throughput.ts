import autocannon from 'autocannon';

import { postChecked } from './http';
import { peakRss, resetPeakRss } from './processes';
import { nestedQuery } from './queries';
import { round } from './stats';

export interface ThroughputResult {
  name: string;
  /** Correct answers per second (failures left out). */
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  requests: number;
  /** Errors, timeouts, non-2xx answers and answers that differ from the checked one. */
  failures: number;
  /** Peak resident set of the gateway process during the run, in MiB (Linux), or null. */
  peakRssMiB: number | null;
}

export const THROUGHPUT_ITEMS = 20;
export const CONNECTIONS = 50;

/**
 * autocannon against one gateway: 50 connections sending the nested query (N = 20)
 * for `seconds`, after a warm-up. Every answer must equal the one checked first
 * (200, data, no errors), so a fast wrong answer counts as a failure, not a request.
 */
export async function measureThroughput(name: string, url: string, pid: number, seconds: number): Promise<ThroughputResult> {
  const body = JSON.stringify({ query: nestedQuery(THROUGHPUT_ITEMS) });
  const expected = await postChecked(url, body);
  const options = { url, method: 'POST' as const, headers: { 'content-type': 'application/json' }, body, connections: CONNECTIONS, expectBody: expected };
  await autocannon({ ...options, duration: Math.max(1, Math.round(seconds / 5)) });
  const resetWorked = resetPeakRss(pid);
  const result = await autocannon({ ...options, duration: seconds });
  const peak = resetWorked ? peakRss(pid) : undefined;
  const failures = result.errors + result.timeouts + result.non2xx + result.mismatches;
  return {
    name,
    // Answered correctly, per second: a fast wrong answer is not throughput.
    requestsPerSecond: round(Math.max(0, result.requests.total - failures) / seconds),
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    requests: result.requests.total,
    failures,
    peakRssMiB: peak === undefined ? null : round(peak / 1024 / 1024),
  };
}
