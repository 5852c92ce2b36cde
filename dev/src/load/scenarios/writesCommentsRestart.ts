import type { Scenario } from '../scenario';
import { retriedThroughCheck, writeAuditChecks } from '../writeAuditChecks';
import { WRITE_MIX } from '../writeMix';

/**
 * Writers, and the comments service stopped at a third of the run (its
 * requests in flight cut, as a crash would) and started again at two thirds.
 * Writes cut after they were stored must not be stored twice when retried;
 * writes refused meanwhile must land once comments is back.
 */
export const writesCommentsRestart: Scenario = {
  name: 'writes-comments-restart',
  description: 'writers; comments stopped at 1/3 (its requests in flight cut), started again at 2/3',
  events: [
    { at: 1 / 3, label: 'comments stopped', act: (system) => system.stopSubgraph('comments') },
    { at: 2 / 3, label: 'comments started', repair: true, act: (system) => system.startSubgraph('comments') },
  ],
  writers: WRITE_MIX,
  expectations: (run) => [...writeAuditChecks(run), retriedThroughCheck(run, "comments' outage", (key) => key.includes('SUBGRAPH_'))],
};
