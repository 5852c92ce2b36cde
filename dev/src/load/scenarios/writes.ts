import type { Scenario } from '../scenario';
import { writeAuditChecks } from '../writeAuditChecks';
import { WRITE_MIX } from '../writeMix';

/** Writers only, every service up: under load alone, each write is stored once and counted. */
export const writes: Scenario = {
  name: 'writes',
  description: "writers: the frontend's mutations, each retried with its Idempotency-Key until definite; every service up",
  events: [],
  writers: WRITE_MIX,
  expectations(run) {
    const openings = Object.values(run.breaker.openings).reduce((sum, count) => sum + count, 0);
    const counts = run.audit?.counts;
    return [
      { name: 'no breaker opened', ok: openings === 0, detail: `${openings} openings` },
      ...writeAuditChecks(run),
      {
        name: 'no count change left pending: every writer finished its counter update',
        ok: counts !== undefined && counts.pendingChanges === 0 && counts.rawSum === counts.settledSum,
        detail: `${counts?.pendingChanges ?? '–'} pending; counters ${counts?.rawSum ?? '–'} as read, ${counts?.settledSum ?? '–'} settled`,
      },
    ];
  },
};
