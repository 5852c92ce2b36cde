import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { DynamoArticlesRepository } from '@bff/articles/repository';
import { countChange } from '@bff/comments/countChange';
import { DynamoCommentCountsRepository } from '@bff/comments/countsRepository';
import { DynamoCommentsRepository } from '@bff/comments/repository';
import { type LocalStore, startLocalStoreWithTables } from '@bff/kit/local';
import { createDocumentClient } from '@bff/kit/subgraph';

import type { LoadReportFile } from '../src/load/loadCli';
import { LOCAL_SERVICES, type LocalStores, localTableNames } from '../src/localServices';
import type { RunSummary } from '../src/load/loadSummary';
import { countStoredWrites } from '../src/load/storedWrites';
import { auditWrites } from '../src/load/writeAudit';
import type { LogicalWrite } from '../src/load/writeClients';
import { writeTag } from '../src/load/writeMix';

const root = join(__dirname, '../..');
const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

type ReportedRun = LoadReportFile['runs'][number];

/** Runs the built `npm run load` with tiny numbers and reads its JSON report. */
async function load(dir: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ stdout: string; run: ReportedRun }> {
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
  let healthy: { stdout: string; run: ReportedRun };
  let outage: { stdout: string; run: ReportedRun };

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
    expect(run.subgraphRequests?.comments).toBeGreaterThan(0);

    expect(stdout).toContain('Timeline, by the second requests were sent:');
    expect(stdout).toMatch(/Full answers resumed \d+ ms after "comments started"|answers were not all full again/);
  });
});

const WRITES = ['AddComment', 'DeleteComment', 'CreateArticle'];

/**
 * What a run of writers must show: every request an attempt of a logical write,
 * every logical write acknowledged, each stored exactly once with the id it was
 * acknowledged with, nothing else of the run stored, every article's
 * commentCount equal to its stored comments; and the scenario's checks met.
 */
function expectEveryWriteOnce(run: ReportedRun): void {
  const audit = run.audit!;
  expect(audit).toBeDefined();
  expect(Object.keys(run.byOperation).every((name) => WRITES.includes(name))).toBe(true);
  expect(audit.attempts).toBe(run.totals.requests);
  const results = Object.values(audit.results);
  expect(audit.retries).toBe(audit.attempts - sum(results.map((result) => result.sent)));
  expect(sum(Object.values(audit.retriedAfter))).toBe(audit.retries);
  expect(audit.results.comment.sent).toBeGreaterThan(0);

  for (const result of results) expect(result).toMatchObject({ acknowledged: result.sent, rejected: 0, givenUp: { unknown: 0, notApplied: 0 } });
  expect(audit.comments).toMatchObject({ lost: 0, duplicated: 0, unexplained: 0, givenUpStored: 0, deletionsNotApplied: 0, deletionsUncertain: 0 });
  expect(audit.comments.expected).toBe(audit.results.comment.acknowledged - audit.results.deletion.acknowledged);
  expect(audit.comments.stored).toBe(audit.comments.expected);
  expect(audit.articles).toMatchObject({ lost: 0, duplicated: 0, unexplained: 0, givenUpStored: 0 });
  expect(audit.articles.stored).toBe(audit.results.article.acknowledged);
  // The tables grew by the run's items alone, and the counters (settled) by its comments.
  expect(run.writes.comment.stored).toBe(audit.comments.stored);
  expect(run.writes.comment.countedDelta).toBe(audit.comments.stored);
  expect(run.writes.article.stored).toBe(audit.articles.stored);
  expect(audit.counts.mismatched).toBe(0);
  expect(audit.counts.settledSum).toBe(audit.counts.storedComments);
  expect(audit.examples).toEqual([]);
  expect(run.checks.filter((check) => !check.ok)).toEqual([]);
}

describe('npm run load: writers retrying each write with its Idempotency-Key, 0 lost and 0 duplicated', () => {
  let dir: string;
  let restart: { stdout: string; run: ReportedRun };
  let sigint: { stdout: string; run: ReportedRun };

  beforeAll(async () => {
    execFileSync(process.execPath, [join(root, 'dev/build.mjs'), 'load'], { cwd: root });
    dir = await mkdtemp(join(tmpdir(), 'bff-load-writes-'));
    // Both at once, each on a system of its own; sigint runs the real npm start (the load tool builds it).
    // The plain `writes` scenario is these without the events: the restart run covers its path.
    [restart, sigint] = await Promise.all([
      load(dir, ['--clients', '10', '--seconds', '6', '--scenario', 'writes-comments-restart', '--engine', 'apollo']),
      load(dir, ['--clients', '10', '--seconds', '6', '--scenario', 'sigint', '--engine', 'stitch']),
    ]);
  }, 120_000);
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('stores every write once when comments is stopped mid-run, requests in flight cut, and started again', () => {
    const { run, stdout } = restart;
    expect(run).toMatchObject({ scenario: 'writes-comments-restart', system: 'child', engine: 'apollo' });
    expect(run.events.map((event) => event.label)).toEqual(['comments stopped', 'comments started']);
    expectEveryWriteOnce(run);
    expect(stdout).toMatch(/Comments of this run: \d+ stored, \d+ expected .* lost 0 · duplicated 0/);
    expect(stdout).toMatch(/commentCount: counters sum \d+ as read \(\d+ changes pending\), \d+ once settled/);
    // Writes failed while comments was away, and were retried with their keys until they landed.
    expect(Object.keys(run.audit!.retriedAfter).some((key) => key.includes('SUBGRAPH_'))).toBe(true);
    expect(run.audit!.maxAttempts).toBeGreaterThan(1);
    expect(run.phases[1]!.byOperation.AddComment?.error).toBeGreaterThan(0);
  });

  it('stores every write once across a Ctrl-C of the real npm start under load and its restart on the same data', () => {
    const { run, stdout } = sigint;
    expect(run).toMatchObject({ scenario: 'sigint', system: 'npm-start', subgraphRequests: null });
    expect(run.events.map((event) => event.label)).toEqual(['Ctrl-C (SIGINT) sent', 'npm start restarted']);
    expect(run.events[0]!.atMs).toBeGreaterThanOrEqual(2_000);
    // Both stops graceful: exit 0, "Stopped.", no stack trace; the restart had nothing to repair.
    expect(run.npmStart!.shutdowns).toEqual([
      expect.objectContaining({ label: 'mid-load', exitCode: 0, printedStopped: true, stackTrace: false }),
      expect.objectContaining({ label: 'final', exitCode: 0, printedStopped: true, stackTrace: false }),
    ]);
    expect(run.npmStart!.restarts).toEqual([expect.objectContaining({ repaired: [] })]);
    expectEveryWriteOnce(run);
    // Writers found it gone, kept retrying with the same keys, and were answered by the new process.
    expect(run.audit!.retriedAfter.NETWORK_ERROR).toBeGreaterThan(0);
    expect(run.phases[2]!.totals.full).toBeGreaterThan(0);
    expect(stdout).toContain('── Run 1 of 1 · sigint · stitch engine · npm start · 10 clients × 6 s ──');
    expect(stdout).toMatch(/npm start: Ctrl-C \(mid-load\): exit 0 after [\d.]+ s, printed "Stopped.", no stack trace/);
    expect(stdout).toContain('start-up repair: nothing to fix');
  });
});

describe("the load tool's count and write audit, on the local store", () => {
  let store: LocalStore;
  const at = '2026-03-01T00:00:00.000Z';
  const runTag = 'run1';
  const article = (id: string, title = id) => ({ id, title, body: 'b', authorId: 'user-ada', createdAt: at, updatedAt: at });
  const comment = (id: string, articleId: string, writeId: string) => ({ id, body: `c ${writeTag(runTag, writeId)}`, articleId, authorId: 'user-ada', createdAt: at });
  const write = (id: string, action: LogicalWrite['action'], result: LogicalWrite['result'], extra: Partial<LogicalWrite> = {}): LogicalWrite => ({
    id,
    action,
    operation: action,
    key: `key-${id}`,
    attempts: 1,
    result,
    mayHaveApplied: result === 'acknowledged',
    uncertainAttempts: 0,
    lastAnswer: result === 'acknowledged' ? 'OK' : 'SUBGRAPH_TIMEOUT',
    retriedAfter: [],
    ...extra,
  });

  let stores: LocalStores;

  beforeAll(async () => {
    store = await startLocalStoreWithTables(LOCAL_SERVICES.flatMap((service) => service.tables({})));
    stores = { client: createDocumentClient(store.endpoint), tables: localTableNames({}) };
  });
  afterAll(async () => {
    stores?.client.destroy();
    await store?.close();
  });

  it('counts live articles (not tombstones), settles the count changes a writer left, and finds what was lost, duplicated or stored unasked', async () => {
    const articles = new DynamoArticlesRepository(stores.client, stores.tables.articles);
    const comments = new DynamoCommentsRepository(stores.client, stores.tables.comments);
    const counts = new DynamoCommentCountsRepository(stores.client, stores.tables.comments);
    for (const id of ['a1', 'a2', 'gone']) await articles.putArticle(article(id));
    await articles.tombstoneArticle('gone', 'user-ada', at);
    await articles.putArticle(article('a3', `Load test article ${writeTag(runTag, '0.6')}`));
    // 0.1 stored once; 0.2 stored twice; 0.3 acknowledged but never stored; 0.4 given up, maybe applied, stored;
    // 0.5 given up as not applied, yet stored.
    for (const [id, writeId] of [['c1', '0.1'], ['c2', '0.2'], ['c2-again', '0.2'], ['c4', '0.4'], ['c5', '0.5']] as const) {
      await comments.putComment(comment(id, id === 'c5' ? 'a2' : 'a1', writeId));
    }
    // a1's counter lags by c1, whose writer stopped between its two updates; a2's is simply wrong.
    await counts.addToCommentCount('a1', 3);
    await counts.beginCountChange('a1', countChange('adding', 'c1', Date.now() - 1_000, 'n1'));
    await counts.addToCommentCount('a2', 2);

    const { stored, items } = await countStoredWrites(stores, { settleAfterMs: 0, withItems: true });
    expect(stored).toEqual({
      comments: 5,
      commentCountRawSum: 5,
      pendingCountChanges: 1,
      settledCountChanges: 1,
      commentCountSum: 6,
      articles: 3,
      tombstones: 1,
    });

    const audit = auditWrites(
      [
        write('0.1', 'comment', 'acknowledged', { acknowledgedId: 'c1' }),
        write('0.2', 'comment', 'acknowledged', { acknowledgedId: 'c2', attempts: 2, retriedAfter: ['SUBGRAPH_TIMEOUT'], uncertainAttempts: 1 }),
        write('0.3', 'comment', 'acknowledged', { acknowledgedId: 'c3' }),
        write('0.4', 'comment', 'given-up', { mayHaveApplied: true }),
        write('0.5', 'comment', 'given-up', { mayHaveApplied: false }),
        write('0.6', 'article', 'acknowledged', { acknowledgedId: 'a3' }),
      ],
      items!,
      stored,
      runTag,
    );
    expect(audit.comments).toEqual({ stored: 5, expected: 3, lost: 1, duplicated: 1, givenUpStored: 1, unexplained: 1, deletionsNotApplied: 0, deletionsUncertain: 0 });
    expect(audit.articles).toEqual({ stored: 1, expected: 1, lost: 0, duplicated: 0, givenUpStored: 0, unexplained: 0 });
    expect(audit.results.comment).toEqual({ sent: 5, acknowledged: 3, rejected: 0, givenUp: { unknown: 1, notApplied: 1 } });
    expect(audit).toMatchObject({ attempts: 7, retries: 1, uncertainAttempts: 1, retriedAfter: { SUBGRAPH_TIMEOUT: 1 }, maxAttempts: 2 });
    // a1: 4 comments, counter 3 + the settled c1 = 4; a2: 1 comment, counter 2.
    expect(audit.counts).toEqual({ rawSum: 5, pendingChanges: 1, settledChanges: 1, settledSum: 6, storedComments: 5, articlesCompared: 2, mismatched: 1 });
    expect(audit.examples).toEqual(
      expect.arrayContaining([
        expect.stringContaining('lost: comment 0.3'),
        expect.stringContaining('duplicated: comment 0.2'),
        expect.stringContaining('comment 0.5 given-up'),
        'article a2: commentCount 2, 1 comments stored',
      ]),
    );
  });
});
