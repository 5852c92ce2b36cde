import type { Sample } from './loadClients';

/** How a set of requests was answered, and how fast. */
export interface AnswerStats {
  requests: number;
  full: number;
  partial: number;
  error: number;
  /** Latency quantiles in ms (nearest rank); null without requests. */
  p50Ms: number | null;
  p99Ms: number | null;
  maxMs: number | null;
}

/** The q-quantile (0..1) of ascending `sorted` values, by the nearest-rank method. */
export function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

const rounded = (value: number | null) => (value === null ? null : Math.round(value));

// Exact quantiles from a sorted array: a 30 s run holds some ten thousand samples,
// too few to need a histogram's approximation.
export function answerStats(samples: readonly Sample[]): AnswerStats {
  const latencies = samples.map((sample) => sample.latencyMs).sort((a, b) => a - b);
  const count = (outcome: Sample['outcome']) => samples.filter((sample) => sample.outcome === outcome).length;
  return {
    requests: samples.length,
    full: count('full'),
    partial: count('partial'),
    error: count('error'),
    p50Ms: rounded(quantile(latencies, 0.5)),
    p99Ms: rounded(quantile(latencies, 0.99)),
    maxMs: rounded(latencies.at(-1) ?? null),
  };
}

/** Stats per value of `keyOf`, in the order keys first appear. */
export function answerStatsBy(samples: readonly Sample[], keyOf: (sample: Sample) => string): Record<string, AnswerStats> {
  const groups = new Map<string, Sample[]>();
  for (const sample of samples) {
    const key = keyOf(sample);
    const group = groups.get(key);
    if (group) group.push(sample);
    else groups.set(key, [sample]);
  }
  return Object.fromEntries([...groups].map(([key, group]) => [key, answerStats(group)]));
}
