import type { AnswerStats } from './answerStats';
import type { RunSummary } from './loadSummary';
import type { Check } from './scenario';
import type { Lifecycle } from './systemProcess';
import type { WriteAudit } from './writeAudit';
import { WRITE_RETRY } from './writeRetry';

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
const orDash = (value: number | null) => (value === null ? '–' : value);

/** `a 3 · b 1`, largest first, or `none`. */
function counts(values: Record<string, number>): string {
  const entries = Object.entries(values).sort((a, b) => b[1] - a[1]);
  return entries.length ? entries.map(([key, count]) => `${key} ${count}`).join(' · ') : 'none';
}

/** The logical writes of a run of writers, and what the store holds of them. */
function renderAudit(audit: WriteAudit): string[] {
  const { comments, articles, counts: counters } = audit;
  const items = (name: string, item: WriteAudit['articles'], extra: string) =>
    `${name} of this run: ${item.stored} stored, ${item.expected} expected${extra} · lost ${item.lost} · duplicated ${item.duplicated} · ` +
    `stored though not applied ${item.unexplained} · given up (outcome unknown) but stored ${item.givenUpStored}`;
  return [
    `Logical writes, each with its own Idempotency-Key and retried with it until its answer was definite ` +
      `(at most ${WRITE_RETRY.attempts} attempts, none later than ${WRITE_RETRY.giveUpAfterMs / 1000} s after the first; ${WRITE_RETRY.attemptTimeoutMs / 1000} s for an answer):`,
    table(
      ['write', 'sent', 'acknowledged', 'rejected', 'given up: unknown', 'given up: not applied'],
      Object.entries(audit.results).map(([action, result]) => [action, result.sent, result.acknowledged, result.rejected, result.givenUp.unknown, result.givenUp.notApplied]),
    ),
    `Attempts ${audit.attempts}: ${audit.retries} retries (at most ${audit.maxAttempts} attempts for one write); retried after: ${counts(audit.retriedAfter)}`,
    `Failed attempts that may have been applied (no answer, a cut connection, outcome unknown), each a duplicate without its key: ${audit.uncertainAttempts}`,
    `Rejected, by answer: ${counts(audit.rejectedBy)}`,
    items('Comments', comments, ` (acknowledged less acknowledged deletions) · deletions acknowledged but not applied ${comments.deletionsNotApplied} · deletions given up ${comments.deletionsUncertain}`),
    items('Articles', articles, ''),
    `commentCount: counters sum ${counters.rawSum} as read (${counters.pendingChanges} changes pending), ${counters.settledSum} once settled (${counters.settledChanges} settled), ` +
      `against ${counters.storedComments} comments stored; per article, settled: ${counters.mismatched} of ${counters.articlesCompared} differ`,
    ...audit.examples.map((example) => `  ! ${example}`),
  ];
}

/** What npm start printed on stopping besides its two expected lines ("SIGINT: stopping…", "Stopped."). */
const unexpected = (output: readonly string[]) =>
  output.map((line) => line.trim()).filter((line) => line && !line.startsWith('SIGINT: stopping') && line !== 'Stopped.');

/** Each Ctrl-C and restart of npm start, in order. */
function renderLifecycle({ shutdowns, restarts }: Lifecycle): string[] {
  const shutdown = (record: Lifecycle['shutdowns'][number]) =>
    `Ctrl-C (${record.label}): exit ${record.exitCode ?? record.exitSignal} after ${seconds(record.durationMs)}, ` +
    `${record.printedStopped ? 'printed "Stopped."' : 'did not print "Stopped."'}, ${record.stackTrace ? 'A STACK TRACE' : 'no stack trace'}` +
    (unexpected(record.output).length ? ` — it also printed: ${unexpected(record.output).join(' | ')}` : '');
  const restart = (record: Lifecycle['restarts'][number]) =>
    `Restarted in ${seconds(record.durationMs)}; start-up repair: ${record.repaired.length ? record.repaired.join(' | ') : 'nothing to fix'}`;
  const lines: string[] = [];
  shutdowns.forEach((record, i) => {
    lines.push(`npm start: ${shutdown(record)}`);
    if (restarts[i]) lines.push(`npm start: ${restart(restarts[i])}`);
  });
  return lines;
}

/** One run as a plain-text report: totals, operations, codes, breakers, writes, phases and, when something happened, the timeline. */
export function renderRun(run: RunSummary, title: string, checks: readonly Check[]): string {
  const { totals, writes } = run;
  const lines = [
    `── ${title} · ${run.scenario} · ${run.engine} engine${run.system === 'npm-start' ? ' · npm start' : ''} · ${run.clients} clients × ${run.seconds} s${run.thinkMs ? ` · think ${run.thinkMs} ms` : ''} ──`,
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
    ...(run.audit
      ? renderAudit(run.audit)
      : [
          `Writes: comments ${writes.comment.acknowledged} acknowledged of ${writes.comment.attempted} sent, ${writes.comment.stored} stored, ` +
            `commentCount +${writes.comment.countedDelta ?? 0} (as read: +${writes.comment.countedDeltaRaw ?? 0})` +
            ` · articles ${writes.article.acknowledged} acknowledged of ${writes.article.attempted} sent, ${writes.article.stored} stored`,
          `Writes not acknowledged, by outcome: comments ${counts(writes.comment.unacknowledgedByOutcome)} · articles ${counts(writes.article.unacknowledgedByOutcome)}`,
        ]),
    ...(run.npmStart ? renderLifecycle(run.npmStart) : []),
    `Subgraph requests: ${run.subgraphRequests ? counts(run.subgraphRequests) : 'not measured (npm start does not say)'}`,
    `CPU: system ${run.cpu.systemMs === null ? '–' : seconds(run.cpu.systemMs)} (${orDash(run.cpu.systemCores)} cores) · load generator ${seconds(run.cpu.loadGeneratorMs)} (${run.cpu.loadGeneratorCores} cores)`,
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
    ['run', 'requests', 'full', 'partial', 'error', 'openings', 'p50 ms', 'p99 ms', 'comments ack/stored', 'lost/duplicated', 'expectations'],
    runs.map((run, i) => [
      i + 1,
      run.totals.requests,
      run.totals.full,
      run.totals.partial,
      run.totals.error,
      Object.values(run.breaker.openings).reduce((sum, count) => sum + count, 0),
      run.totals.p50Ms,
      run.totals.p99Ms,
      run.audit ? `${run.audit.results.comment.acknowledged}/${run.audit.comments.stored}` : `${run.writes.comment.acknowledged}/${run.writes.comment.stored}`,
      run.audit ? `${run.audit.comments.lost + run.audit.articles.lost}/${run.audit.comments.duplicated + run.audit.articles.duplicated}` : '–',
      checks[i]!.every((check) => check.ok) ? 'met' : 'not met',
    ]),
  );
}
