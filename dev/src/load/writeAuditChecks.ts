import type { RunSummary } from './loadSummary';
import type { Check } from './scenario';

const sumOf = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

/**
 * What every run of writers must show, whatever was done to the system: each
 * logical write acknowledged, nothing lost, nothing stored twice, the run's
 * stored items exactly the acknowledged ones, and every article's commentCount
 * (settled) equal to its stored comments.
 */
export function writeAuditChecks(run: RunSummary): Check[] {
  const audit = run.audit;
  if (!audit) return [{ name: 'the run audited its writes', ok: false, detail: 'no audit: the scenario has no writers' }];
  const { comments, articles, counts } = audit;
  const results = Object.values(audit.results);
  const sent = sumOf(results.map((result) => result.sent));
  const acknowledged = sumOf(results.map((result) => result.acknowledged));
  const rejected = sumOf(results.map((result) => result.rejected));
  const givenUp = sumOf(results.map((result) => result.givenUp.unknown + result.givenUp.notApplied));
  const lost = comments.lost + articles.lost + comments.deletionsNotApplied;
  const duplicated = comments.duplicated + articles.duplicated;
  const unexplained = comments.unexplained + articles.unexplained;
  return [
    {
      name: 'every logical write acknowledged, however many attempts it took (none rejected or given up)',
      ok: sent > 0 && acknowledged === sent,
      detail: `${acknowledged} of ${sent} acknowledged, ${rejected} rejected, ${givenUp} given up; ${audit.retries} retries`,
    },
    {
      name: '0 lost and 0 duplicated: each acknowledged write stored exactly once, with the id it was acknowledged with',
      ok: lost === 0 && duplicated === 0 && unexplained === 0,
      detail: `${lost} lost (deletions not applied included), ${duplicated} duplicated, ${unexplained} stored though answered as not applied`,
    },
    {
      name: "stored = acknowledged: the run's comments and articles in the tables are exactly the acknowledged ones",
      ok: comments.deletionsUncertain === 0 && comments.stored === comments.expected + comments.givenUpStored && articles.stored === articles.expected + articles.givenUpStored,
      detail:
        `comments ${comments.stored} stored, ${comments.expected} acknowledged and not deleted` +
        `${comments.givenUpStored ? ` + ${comments.givenUpStored} of writes given up` : ''}; articles ${articles.stored} stored, ${articles.expected} acknowledged`,
    },
    {
      name: "every article's commentCount equals its stored comments (counters settled first; the raw sum is reported)",
      ok: counts.mismatched === 0 && counts.settledSum === counts.storedComments,
      detail:
        `${counts.mismatched} of ${counts.articlesCompared} articles differ; counters ${counts.settledSum} settled ` +
        `(${counts.rawSum} as read, ${counts.pendingChanges} changes pending), ${counts.storedComments} comments stored`,
    },
  ];
}

/** The run's writes met trouble of this kind and were retried through it: the scenario did what it says. */
export function retriedThroughCheck(run: RunSummary, what: string, matches: (answerKey: string) => boolean): Check {
  const retried = Object.entries(run.audit?.retriedAfter ?? {}).filter(([key]) => matches(key));
  const total = sumOf(retried.map(([, count]) => count));
  return {
    name: `writes were retried through ${what}`,
    ok: total > 0,
    detail: total ? retried.map(([key, count]) => `${key} ${count}`).join(' · ') : 'no retry after such an answer',
  };
}
