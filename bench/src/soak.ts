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
  /** Every single sample after the warm-up within ±10 % of their median: strict, since a sample can land anywhere on the GC's sawtooth. */
  everySampleWithin: boolean;
  /** Mean RSS of each stretch of `windowSeconds` after the warm-up, in MiB: the trend, with the sawtooth averaged out. */
  windowSeconds: number;
  windowMeansMiB: number[];
  /** The verdict: every window's mean within ±10 % of the first window's, so no climb with the requests served. */
  flat: boolean;
  requestsPerSecond: number;
  failures: number;
}

/** Allowed spread after the warm-up. */
const SOAK_TOLERANCE = 0.1;

/** Means of consecutive stretches of `windowSeconds` (a last, shorter stretch counts when it holds two samples or more). */
function windowMeans(samples: { atSeconds: number; rssMiB: number }[], from: number, windowSeconds: number): number[] {
  const windows: number[][] = [];
  for (const point of samples) {
    if (point.atSeconds < from) continue;
    const index = Math.floor((point.atSeconds - from) / windowSeconds);
    (windows[index] ??= []).push(point.rssMiB);
  }
  return windows
    .filter((values, index) => values.length >= 2 || (index === 0 && values.length > 0))
    .map((values) => round(values.reduce((sum, value) => sum + value, 0) / values.length));
}

/**
 * Holds the gateway under the same checked load for `seconds`, reading its resident
 * set (VmRSS) every `sampleSeconds`. Memory that grows with the requests served shows
 * as a climb of the 30-second means after the warm-up (the first fifth of the run,
 * where the heap and the JIT's code grow to their size); a heap that settles keeps
 * them within ±10 % of the first. Single samples are reported too: they swing with
 * each garbage collection.
 */
export async function measureSoak(load: LoadOptions & { expected: string }, sampleSeconds: number, windowSeconds = 30): Promise<SoakResult> {
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
  // A short (quick) soak has one window per sample stretch it can hold.
  const window = Math.min(windowSeconds, Math.max(sampleSeconds * 2, (load.seconds - warmUpSeconds) / 3));
  const means = windowMeans(samples, warmUpSeconds, window);
  const within = (value: number, reference: number) => value >= reference * (1 - SOAK_TOLERANCE) && value <= reference * (1 + SOAK_TOLERANCE);
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
    everySampleWithin: within(sorted[0]!, median) && within(sorted.at(-1)!, median),
    windowSeconds: round(window),
    windowMeansMiB: means,
    flat: means.every((mean) => within(mean, means[0]!)),
    requestsPerSecond: round(Math.max(0, result.requests.total - failures) / load.seconds),
    failures,
  };
}
