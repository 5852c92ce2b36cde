import { type AnswerStats, answerStats, answerStatsBy } from './answerStats';
import type { WriteKind } from './clientMix';
import type { Sample } from './loadClients';
import type { BreakerEvent } from './serviceLogs';
import type { Lifecycle, SystemCount } from './systemProcess';
import { auditWrites, type WriteAudit } from './writeAudit';
import type { LogicalWrite } from './writeClients';

/** A scenario event as it happened in a run. */
export interface EventRecord {
  label: string;
  /** When it was done (the server closed, or listening again), in ms since the run started. */
  atMs: number;
  /** For a repair: ms from the event until the first full answer to a request sent after it. */
  firstFullAfterMs?: number | null;
  /** For a repair: ms from the event until every answer was full from then on; null if never. */
  allFullAfterMs?: number | null;
  /** For a repair: answers to requests sent after it that were not full. */
  notFullAfter?: number;
}

/** A stretch of the run between two events. */
export interface Phase {
  label: string;
  fromMs: number;
  toMs: number;
  totals: AnswerStats;
  byOperation: Record<string, AnswerStats>;
}

export interface WriteTally {
  attempted: number;
  acknowledged: number;
  /** Items the table gained during the run (live articles: a deletion's tombstone is none). */
  stored: number;
  /** For comments: how much the articles' `commentCount` counters grew, once the changes left pending were settled. */
  countedDelta?: number;
  /** The same growth as read, before settling: it lags by the changes a writer left pending. */
  countedDeltaRaw?: number;
  /** Writes not acknowledged, by the answer's `extensions.outcome` (`not_applied`, `unknown`, or `none` when it says nothing). */
  unacknowledgedByOutcome: Record<string, number>;
}

/** Everything a run measured: the report prints it, the JSON file keeps it. */
export interface RunSummary {
  scenario: string;
  /** `child`: the load tool's system process, in memory; `npm-start`: the real npm start, its data kept on disk. */
  system: 'child' | 'npm-start';
  engine: string;
  clients: number;
  seconds: number;
  thinkMs: number;
  /** From the first request sent to the last answer received. */
  durationMs: number;
  requestsPerSecond: number;
  totals: AnswerStats;
  byOperation: Record<string, AnswerStats>;
  /** Each answer once: `OK`, or its error codes. Sums to the requests. */
  answersByKey: Record<string, number>;
  /** Every error code of every answer. */
  errorCodes: Record<string, number>;
  httpStatus: Record<string, number>;
  events: EventRecord[];
  phases: Phase[];
  /** Per second of the run, by when requests were sent. */
  timeline: (AnswerStats & { second: number })[];
  breaker: { openings: Record<string, number>; events: (Omit<BreakerEvent, 'at'> & { atMs: number })[] };
  /** Upstream calls that did not succeed, by caller→subgraph and outcome, from the services' logs. */
  upstreamOutcomes: Record<string, number>;
  /** Other warnings and errors the services logged, by level, service and message. */
  otherLogLines: Record<string, number>;
  /** Per request: every attempt of a retried write counts (see `audit` for logical writes). */
  writes: Record<WriteKind, WriteTally>;
  /** For a scenario of writers: every logical write checked against the store. */
  audit?: WriteAudit;
  /** For npm start: how each Ctrl-C and restart went. */
  npmStart?: Lifecycle;
  /** Requests each subgraph served during the run, the gateway's fan-out included; null when the system does not say. */
  subgraphRequests: Record<string, number> | null;
  /**
   * CPU time of each process during the run, and its share of one core: a system near 1 core is saturated.
   * npm start's is its main process's (not Vite's), null where /proc cannot be read.
   */
  cpu: { systemMs: number | null; systemCores: number | null; loadGeneratorMs: number; loadGeneratorCores: number };
}

export interface RunMeasurements {
  scenario: string;
  system: RunSummary['system'];
  engine: string;
  clients: number;
  seconds: number;
  thinkMs: number;
  samples: readonly Sample[];
  events: readonly { label: string; atMs: number; repair?: boolean }[];
  breakerEvents: readonly (Omit<BreakerEvent, 'at'> & { atMs: number })[];
  upstreamOutcomes: Record<string, number>;
  otherLogLines: Record<string, number>;
  /** The system's counts just before the clients started and once they were done. */
  before: SystemCount;
  after: SystemCount;
  /** CPU time the load tool's own process spent while the clients ran. */
  loadGeneratorCpuMs: number;
  /** For writers: every logical write, and the tag their items carry; `after` then holds the items. */
  writes?: readonly LogicalWrite[];
  runTag?: string;
  lifecycle: Lifecycle;
}

// Reductions rather than Math.min(...values): a long run has more samples than a call takes arguments.
const minOf = (values: readonly number[]) => values.reduce((min, value) => Math.min(min, value), Infinity);
const maxOf = (values: readonly number[]) => values.reduce((max, value) => Math.max(max, value), -Infinity);

function tally(samples: readonly Sample[], keysOf: (sample: Sample) => readonly (string | number)[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const sample of samples) for (const key of keysOf(sample)) counts[key] = (counts[key] ?? 0) + 1;
  return counts;
}

/** How answers came back after a repair at `atMs`: the first full one, and the moment from which all were. */
function recovery(samples: readonly Sample[], atMs: number): Pick<EventRecord, 'firstFullAfterMs' | 'allFullAfterMs' | 'notFullAfter'> {
  const after = samples.filter((sample) => sample.sentAt >= atMs);
  const answeredAt = (sample: Sample) => sample.sentAt + sample.latencyMs;
  const firstAnswer = (candidates: readonly Sample[]) => (candidates.length ? Math.round(minOf(candidates.map(answeredAt)) - atMs) : null);
  const notFull = after.filter((sample) => sample.outcome !== 'full');
  const lastNotFullSent = maxOf(notFull.map((sample) => sample.sentAt));
  const full = after.filter((sample) => sample.outcome === 'full');
  return {
    firstFullAfterMs: firstAnswer(full),
    allFullAfterMs: firstAnswer(full.filter((sample) => sample.sentAt > lastNotFullSent)),
    notFullAfter: notFull.length,
  };
}

function writeTally(samples: readonly Sample[], kind: WriteKind, stored: number, counted?: { delta: number; raw: number }): WriteTally {
  const writes = samples.filter((sample) => sample.write === kind);
  return {
    attempted: writes.length,
    acknowledged: writes.filter((sample) => sample.acknowledged).length,
    stored,
    unacknowledgedByOutcome: tally(
      writes.filter((sample) => !sample.acknowledged),
      (sample) => [sample.writeOutcome ?? 'none'],
    ),
    ...(counted && { countedDelta: counted.delta, countedDeltaRaw: counted.raw }),
  };
}

const difference = (after: Record<string, number>, before: Record<string, number>) =>
  Object.fromEntries(Object.entries(after).map(([key, value]) => [key, value - (before[key] ?? 0)]));

/** Turns a run's raw measurements into its summary. Pure: the test and the report read the same numbers. */
export function summarizeRun(run: RunMeasurements): RunSummary {
  const { samples } = run;
  const durationMs = samples.length ? maxOf(samples.map((sample) => sample.sentAt + sample.latencyMs)) : 0;
  const events = [...run.events].sort((a, b) => a.atMs - b.atMs);
  const bounds = [0, ...events.map((event) => event.atMs), Infinity];
  const phases = bounds.slice(0, -1).map((fromMs, i) => {
    const inPhase = samples.filter((sample) => sample.sentAt >= fromMs && sample.sentAt < bounds[i + 1]!);
    return {
      label: i === 0 ? 'start' : events[i - 1]!.label,
      fromMs: Math.round(fromMs),
      toMs: Math.round(Math.min(bounds[i + 1]!, durationMs)),
      totals: answerStats(inPhase),
      byOperation: answerStatsBy(inPhase, (sample) => sample.operation),
    };
  });
  const bySecond = answerStatsBy(samples, (sample) => String(Math.floor(sample.sentAt / 1000)));
  const openings: Record<string, number> = {};
  for (const event of run.breakerEvents) {
    if (event.state === 'opened') openings[`${event.service}→${event.subgraph}`] = (openings[`${event.service}→${event.subgraph}`] ?? 0) + 1;
  }
  const before = run.before.stored;
  const after = run.after.stored;
  const systemCpuMs = run.after.cpuMs !== null && run.before.cpuMs !== null ? run.after.cpuMs - run.before.cpuMs : null;
  const cores = (cpuMs: number) => (durationMs ? Math.round((cpuMs / durationMs) * 100) / 100 : 0);
  return {
    scenario: run.scenario,
    system: run.system,
    engine: run.engine,
    clients: run.clients,
    seconds: run.seconds,
    thinkMs: run.thinkMs,
    durationMs: Math.round(durationMs),
    requestsPerSecond: durationMs ? Math.round((samples.length / durationMs) * 1000) : 0,
    totals: answerStats(samples),
    byOperation: answerStatsBy(samples, (sample) => sample.operation),
    answersByKey: tally(samples, (sample) => [sample.key]),
    errorCodes: tally(samples, (sample) => sample.codes),
    httpStatus: tally(samples, (sample) => [sample.status]),
    events: events.map((event) => ({
      label: event.label,
      atMs: Math.round(event.atMs),
      ...(event.repair && recovery(samples, event.atMs)),
    })),
    phases,
    timeline: Object.entries(bySecond)
      .map(([second, stats]) => ({ second: Number(second), ...stats }))
      .sort((a, b) => a.second - b.second),
    breaker: { openings, events: [...run.breakerEvents] },
    upstreamOutcomes: run.upstreamOutcomes,
    otherLogLines: run.otherLogLines,
    writes: {
      comment: writeTally(samples, 'comment', after.comments - before.comments, {
        delta: after.commentCountSum - before.commentCountSum,
        raw: after.commentCountRawSum - before.commentCountRawSum,
      }),
      article: writeTally(samples, 'article', after.articles - before.articles),
    },
    ...(run.writes && run.after.items && { audit: auditWrites(run.writes, run.after.items, after, run.runTag ?? '') }),
    ...(run.system === 'npm-start' && { npmStart: run.lifecycle }),
    subgraphRequests: run.after.subgraphRequests && run.before.subgraphRequests ? difference(run.after.subgraphRequests, run.before.subgraphRequests) : null,
    cpu: {
      systemMs: systemCpuMs === null ? null : Math.round(systemCpuMs),
      systemCores: systemCpuMs === null ? null : cores(systemCpuMs),
      loadGeneratorMs: Math.round(run.loadGeneratorCpuMs),
      loadGeneratorCores: cores(run.loadGeneratorCpuMs),
    },
  };
}
