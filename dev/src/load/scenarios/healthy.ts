import type { Scenario } from '../scenario';

/** Nothing fails: the load alone must not open a breaker or cost an answer. */
export const healthy: Scenario = {
  name: 'healthy',
  description: 'every service up for the whole run',
  events: [],
  expectations(run) {
    const openings = Object.values(run.breaker.openings).reduce((sum, count) => sum + count, 0);
    const comments = run.writes.comment;
    return [
      { name: 'no breaker opened', ok: openings === 0, detail: `${openings} openings` },
      {
        name: 'every answer full, without errors',
        ok: run.totals.requests > 0 && run.totals.full === run.totals.requests,
        detail: `${run.totals.full} of ${run.totals.requests} full, ${run.totals.partial} partial, ${run.totals.error} errors`,
      },
      {
        name: 'every comment acknowledged is stored, and nothing else; commentCount grew as much (settled)',
        ok: comments.acknowledged === comments.stored && comments.stored === comments.countedDelta,
        detail: `${comments.acknowledged} acknowledged, ${comments.stored} stored, commentCount +${comments.countedDelta} (as read: +${comments.countedDeltaRaw})`,
      },
    ];
  },
};
