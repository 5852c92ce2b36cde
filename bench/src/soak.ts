import autocannon from 'autocannon';

import { currentRss } from './processes';
import { round } from './stats';
import { autocannonOptions, type LoadOptions } from './throughput';

export interface SoakResult {
  name: string;
  seconds: number;
  sampleSeconds: number;
  /** Samples before this time are the warm-up, left out of the verdict. */
  warmUpSeconds: number;
  /** The gateway's resident set at each sample, in MiB. */
  samples: { atSeconds: number; rssMiB: number }[];
  /** After the warm-up: the first and last samples, the extremes, and the median they are held to. */
  firstMiB: number;
  lastMiB: number;
  minMiB: number;
  maxMiB: number;
  medianMiB: number;
  /** Every sample after the warm-up within ±10 % of their median. */
  flat: boolean;
  requestsPerSecond: number;
  failures: number;
}

/** Allowed spread around the median after the warm-up. */
export const SOAK_TOLERANCE = 0.1;

/**
 * Holds the gateway under the same checked load for `seconds`, reading its resident
 * set (VmRSS) every `sampleSeconds`. Memory that grows with the requests served shows
 * as a climb; a heap that settles stays within ±10 % of its median after the warm-up
 * (the first fifth of the run, where the heap and the JIT's code grow to their size).
 */
export async function measureSoak(load: LoadOptions & { expected: string }, sampleSeconds: number): Promise<SoakResult> {
  const samples: { atSeconds: number; rssMiB: number }[] = [];
  const started = performance.now();
  const sample = () => {
    const rss = currentRss(load.pid);
    if (rss !== undefined) samples.push({ atSeconds: round((performance.now() - started) / 1000), rssMiB: round(rss / 1024 / 1024) });
  };
  sample();
  const timer = setInterval(sample, sampleSeconds * 1000);
  let result: Awaited<ReturnType<typeof autocannon>>;
  try {
    result = await autocannon({ ...autocannonOptions(load, load.expected), duration: load.seconds });
  } finally {
    clearInterval(timer);
  }
  sample();
  const warmUpSeconds = load.seconds / 5;
  const settled = samples.filter((point) => point.atSeconds >= warmUpSeconds).map((point) => point.rssMiB);
  if (settled.length === 0) throw new Error('soak: no memory samples after the warm-up (is /proc readable?)');
  const sorted = [...settled].sort((a, b) => a - b);
  const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
  const failures = result.errors + result.timeouts + result.non2xx + result.mismatches;
  return {
    name: load.name,
    seconds: load.seconds,
    sampleSeconds,
    warmUpSeconds: round(warmUpSeconds),
    samples,
    firstMiB: settled[0]!,
    lastMiB: settled.at(-1)!,
    minMiB: sorted[0]!,
    maxMiB: sorted.at(-1)!,
    medianMiB: median,
    flat: sorted[0]! >= median * (1 - SOAK_TOLERANCE) && sorted.at(-1)! <= median * (1 + SOAK_TOLERANCE),
    requestsPerSecond: round(Math.max(0, result.requests.total - failures) / load.seconds),
    failures,
  };
}
