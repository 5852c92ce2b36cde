import type { AnswerStats } from './answerStats';
import type { RunSummary } from './loadSummary';
import type { Check } from './scenario';

/** Left-aligned first column, right-aligned numbers, two spaces between. */
type Cell = string | number | null;

function table(headers: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const cells = [headers, ...rows].map((row) => row.map((cell) => (cell === null ? '–' : String(cell))));
  const widths = headers.map((_, column) => Math.max(...cells.map((row) => row[column]!.length)));
  return cells
    .map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  '))
    .join('\n');
}

const STATS_HEADERS = ['requests', 'full', 'partial', 'error', 'p50 ms', 'p99 ms', 'max ms'];
const statsCells = (stats: AnswerStats) => [stats.requests, stats.full, stats.partial, stats.error, stats.p50Ms, stats.p99Ms, stats.maxMs];
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** `a 3 · b 1`, largest first, or `none`. */
function counts(values: Record<string, number>): string {
  const entries = Object.entries(values).sort((a, b) => b[1] - a[1]);
  return entries.length ? entries.map(([key, count]) => `${key} ${count}`).join(' · ') : 'none';
}

/** One run as a plain-text report: totals, operations, codes, breakers, writes, phases and, when something happened, the timeline. */
export function renderRun(run: RunSummary, title: string, checks: readonly Check[]): string {
  const { totals, writes } = run;
  const lines = [
    `── ${title} · ${run.scenario} · ${run.engine} engine · ${run.clients} clients × ${run.seconds} s${run.thinkMs ? ` · think ${run.thinkMs} ms` : ''} ──`,
    `Requests ${totals.requests} in ${seconds(run.durationMs)} (${run.requestsPerSecond}/s): ${totals.full} full, ${totals.partial} partial, ${totals.error} without data · p50 ${totals.p50Ms ?? '–'} ms · p99 ${totals.p99Ms ?? '–'} ms`,
    '',
    table(['operation', ...STATS_HEADERS], Object.entries(run.byOperation).map(([operation, stats]) => [operation, ...statsCells(stats)])),
    '',
    `Answers by code:  ${counts(run.answersByKey)}`,
    `Every error code: ${counts(run.errorCodes)}`,
    `HTTP status:      ${counts(run.httpStatus)}`,
    `Breaker openings: ${counts(run.breaker.openings)}${
      run.breaker.events.length ? `  (${run.breaker.events.map((event) => `${event.subgraph} ${event.state} at ${seconds(event.atMs)}`).join(', ')})` : ''
    }`,
    `Upstream calls that failed (services' logs): ${counts(run.upstreamOutcomes)}`,
    `Other warnings and errors logged: ${counts(run.otherLogLines)}`,
    `Writes: comments ${writes.comment.acknowledged} acknowledged of ${writes.comment.attempted} sent, ${writes.comment.stored} stored, commentCount +${writes.comment.countedDelta ?? 0}` +
      ` · articles ${writes.article.acknowledged} acknowledged of ${writes.article.attempted} sent, ${writes.article.stored} stored`,
    `Writes not acknowledged, by outcome: comments ${counts(writes.comment.unacknowledgedByOutcome)} · articles ${counts(writes.article.unacknowledgedByOutcome)}`,
    `Subgraph requests: ${counts(run.subgraphRequests)}`,
    `CPU: system ${seconds(run.cpu.systemMs)} (${run.cpu.systemCores} cores) · load generator ${seconds(run.cpu.loadGeneratorMs)} (${run.cpu.loadGeneratorCores} cores)`,
  ];
  if (run.events.length) {
    lines.push(
      '',
      table(
        ['phase', 'from', 'to', ...STATS_HEADERS],
        run.phases.map((phase) => [phase.label, seconds(phase.fromMs), seconds(phase.toMs), ...statsCells(phase.totals)]),
      ),
    );
    for (const event of run.events) {
      if (event.allFullAfterMs === undefined) continue;
      lines.push(
        event.allFullAfterMs === null
          ? `After "${event.label}": answers were not all full again before the run ended (${event.notFullAfter} not full).`
          : `Full answers resumed ${event.allFullAfterMs} ms after "${event.label}" (the first full one after ${event.firstFullAfterMs} ms; ${event.notFullAfter} not full after it).`,
      );
    }
    lines.push(
      '',
      'Timeline, by the second requests were sent:',
      table(['second', ...STATS_HEADERS], run.timeline.map((row) => [row.second, ...statsCells(row)])),
    );
  }
  if (checks.length) {
    lines.push('', `Expectations of ${run.scenario}:`, ...checks.map((check) => `  ${check.ok ? '✓' : '✗'} ${check.name}: ${check.detail}`));
  }
  return lines.join('\n');
}

/** One line per run, to compare consecutive runs. */
export function renderRuns(runs: readonly RunSummary[], checks: readonly (readonly Check[])[]): string {
  return table(
    ['run', 'requests', 'full', 'partial', 'error', 'openings', 'p50 ms', 'p99 ms', 'comments ack/stored', 'expectations'],
    runs.map((run, i) => [
      i + 1,
      run.totals.requests,
      run.totals.full,
      run.totals.partial,
      run.totals.error,
      Object.values(run.breaker.openings).reduce((sum, count) => sum + count, 0),
      run.totals.p50Ms,
      run.totals.p99Ms,
      `${run.writes.comment.acknowledged}/${run.writes.comment.stored}`,
      checks[i]!.every((check) => check.ok) ? 'met' : 'not met',
    ]),
  );
}
