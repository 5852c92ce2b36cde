import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import type { LoadReportFile } from '../src/load/loadCli';
import type { RunSummary } from '../src/load/loadSummary';

const root = join(__dirname, '../..');
const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

/** Runs the built `npm run load` with tiny numbers and reads its JSON report. */
async function load(dir: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ stdout: string; run: RunSummary }> {
  const out = join(dir, `${args.join('-')}.json`);
  const { stdout } = await promisify(execFile)(process.execPath, [join(root, '.build/dev/load.js'), ...args, '--out', out], {
    cwd: root,
    env: { ...process.env, ...env },
  });
  const report = JSON.parse(await readFile(out, 'utf8')) as LoadReportFile;
  expect(report.runs).toHaveLength(1);
  return { stdout, run: report.runs[0]! };
}

/** What every run's numbers must agree on, whatever the system did. */
function expectConsistent(run: RunSummary): void {
  const { requests } = run.totals;
  expect(requests).toBeGreaterThan(0);
  expect(run.totals.full + run.totals.partial + run.totals.error).toBe(requests);
  expect(sum(Object.values(run.answersByKey))).toBe(requests);
  expect(sum(Object.values(run.httpStatus))).toBe(requests);
  expect(sum(Object.values(run.byOperation).map((stats) => stats.requests))).toBe(requests);
  expect(sum(run.timeline.map((second) => second.requests))).toBe(requests);
  expect(sum(run.phases.map((phase) => phase.totals.requests))).toBe(requests);
  expect(run.answersByKey.OK ?? 0).toBe(run.totals.full);
  expect(run.cpu.systemMs).toBeGreaterThan(0);
  expect(run.cpu.loadGeneratorMs).toBeGreaterThan(0);
  // Only the frontend's operations are sent, and reads outnumber writes.
  expect(Object.keys(run.byOperation).every((name) => ['ArticleList', 'ArticlePage', 'Me', 'AddComment', 'CreateArticle'].includes(name))).toBe(true);
  expect(run.byOperation.ArticlePage!.requests).toBeGreaterThan(run.byOperation.AddComment?.requests ?? 0);

  // A write cut after it was stored is stored without an acknowledgement, never the other way round;
  // one the gateway says was not applied is not stored; the comment counters move with the comments.
  const { comment, article } = run.writes;
  expect(comment.attempted).toBe(run.byOperation.AddComment?.requests ?? 0);
  expect(comment.acknowledged).toBeLessThanOrEqual(comment.stored);
  expect(comment.stored).toBeLessThanOrEqual(comment.attempted - (comment.unacknowledgedByOutcome.not_applied ?? 0));
  expect(sum(Object.values(comment.unacknowledgedByOutcome))).toBe(comment.attempted - comment.acknowledged);
  expect(comment.countedDelta).toBe(comment.stored);
  expect(article.acknowledged).toBeLessThanOrEqual(article.stored);
  expect(article.stored).toBeLessThanOrEqual(article.attempted);
  // Every write answered in full is one stored write: then the counts are equal.
  if (run.byOperation.AddComment?.full === comment.attempted) expect(comment.stored).toBe(comment.acknowledged);
}

describe('npm run load: the frontend’s traffic against the local system in a child process', () => {
  let dir: string;
  let healthy: { stdout: string; run: RunSummary };
  let outage: { stdout: string; run: RunSummary };

  beforeAll(async () => {
    execFileSync(process.execPath, [join(root, 'dev/build.mjs'), 'load'], { cwd: root });
    dir = await mkdtemp(join(tmpdir(), 'bff-load-'));
    // Both at once: each is a fresh system of its own. The outage run gets a short breaker reset,
    // so that full answers can come back within its last two seconds.
    [healthy, outage] = await Promise.all([
      load(dir, ['--clients', '10', '--seconds', '4', '--scenario', 'healthy', '--engine', 'stitch']),
      load(dir, ['--clients', '10', '--seconds', '6', '--scenario', 'comments-outage'], { BREAKER_RESET_MS: '300' }),
    ]);
  }, 90_000);
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('reports a healthy run whose numbers add up, writes included', () => {
    const { run, stdout } = healthy;
    expect(run).toMatchObject({ scenario: 'healthy', engine: 'stitch', clients: 10, seconds: 4, events: [] });
    expectConsistent(run);
    expect(run.phases.map((phase) => phase.label)).toEqual(['start']);
    expect(stdout).toContain('── Run 1 of 1 · healthy · stitch engine · 10 clients × 4 s ──');
    expect(stdout).toContain(`Requests ${run.totals.requests} in `);
    expect(stdout).toMatch(/Writes: comments \d+ acknowledged of \d+ sent, \d+ stored, commentCount \+\d+/);
  });

  it('stops comments a third into the run and starts it again at two thirds: partial answers, then full ones', () => {
    const { run, stdout } = outage;
    expectConsistent(run);
    expect(run.events.map((event) => event.label)).toEqual(['comments stopped', 'comments started']);
    const [stopped, started] = run.events;
    expect(stopped!.atMs).toBeGreaterThanOrEqual(2_000);
    expect(started!.atMs).toBeGreaterThanOrEqual(4_000);
    expect(run.phases.map((phase) => phase.label)).toEqual(['start', 'comments stopped', 'comments started']);

    // While comments was away, article pages came back without their comments, with its code.
    const during = run.phases[1]!;
    expect(during.byOperation.ArticlePage?.partial).toBeGreaterThan(0);
    expect(Object.keys(run.errorCodes).some((code) => code.startsWith('SUBGRAPH_'))).toBe(true);
    // After the restart on the same port, whole answers came back before the run ended.
    expect(run.phases[2]!.totals.full).toBeGreaterThan(0);
    expect(started!.firstFullAfterMs).not.toBeNull();
    expect(run.subgraphRequests.comments).toBeGreaterThan(0);

    expect(stdout).toContain('Timeline, by the second requests were sent:');
    expect(stdout).toMatch(/Full answers resumed \d+ ms after "comments started"|answers were not all full again/);
  });
});
