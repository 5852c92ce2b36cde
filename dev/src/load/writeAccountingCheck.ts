import type { RunSummary } from './loadSummary';
import type { Check } from './scenario';

/**
 * Every acknowledged comment is stored, and no comment whose answer said
 * `not_applied` is: stored comments lie between the acknowledged ones and those
 * that may have been applied. Counters move with the comments, once the
 * changes a cut request left on them are settled.
 */
export function writeAccountingCheck(run: RunSummary): Check {
  const { acknowledged, attempted, stored, countedDelta, countedDeltaRaw, unacknowledgedByOutcome } = run.writes.comment;
  const mayBeApplied = attempted - (unacknowledgedByOutcome.not_applied ?? 0);
  return {
    name: 'comments stored = acknowledged, plus at most those that may have been applied; counters agree',
    ok: acknowledged <= stored && stored <= mayBeApplied && countedDelta === stored,
    detail: `${acknowledged} acknowledged ≤ ${stored} stored ≤ ${mayBeApplied} maybe applied; commentCount +${countedDelta ?? 0} settled (as read: +${countedDeltaRaw ?? 0})`,
  };
}
