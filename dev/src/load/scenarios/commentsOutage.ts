import type { Scenario } from '../scenario';
import { upstreamLimits } from '../upstreamLimits';
import { writeAccountingCheck } from '../writeAccountingCheck';

const STOPPED = 'comments stopped';
const STARTED = 'comments started';
/** Room for the gateway's own work on top of its timeout, and for the pipe that carries the log lines. */
const LATENCY_MARGIN_MS = 1_000;
const RESUME_MARGIN_MS = 2_000;

/**
 * The comments service goes away a third into the run and comes back at two
 * thirds (10 s and 20 s of 30 s). Article pages should keep answering, with
 * their comments missing, and be whole again within the breaker's reset time.
 */
export const commentsOutage: Scenario = {
  name: 'comments-outage',
  description: 'comments stopped at 1/3 of the run, started again at 2/3',
  events: [
    { at: 1 / 3, label: STOPPED, act: (system) => system.stopSubgraph('comments') },
    { at: 2 / 3, label: STARTED, repair: true, act: (system) => system.startSubgraph('comments') },
  ],
  expectations(run, gateway) {
    const limits = upstreamLimits(gateway, 'comments');
    const pages = run.byOperation.ArticlePage;
    const outagePages = run.phases.find((phase) => phase.label === STOPPED)?.byOperation.ArticlePage;
    const resumedAfterMs = run.events.find((event) => event.label === STARTED)?.allFullAfterMs ?? null;
    return [
      {
        name: 'no article page answered without data',
        ok: pages !== undefined && pages.requests > 0 && pages.error === 0,
        detail: `${pages?.error ?? 0} of ${pages?.requests ?? 0} article pages without data`,
      },
      {
        name: 'article pages answered with partial data during the outage',
        ok: outagePages !== undefined && outagePages.partial > 0,
        detail: `${outagePages?.partial ?? 0} partial of ${outagePages?.requests ?? 0}`,
      },
      {
        name: `article pages answered within the timeout during the outage (p99 ≤ ${limits.timeoutMs} + ${LATENCY_MARGIN_MS} ms)`,
        ok: outagePages?.p99Ms != null && outagePages.p99Ms <= limits.timeoutMs + LATENCY_MARGIN_MS,
        detail: `p99 ${outagePages?.p99Ms ?? '–'} ms`,
      },
      {
        name: `full answers resumed within the breaker's reset time after the restart (≤ ${limits.breakerResetMs} + ${RESUME_MARGIN_MS} ms)`,
        ok: resumedAfterMs !== null && resumedAfterMs <= limits.breakerResetMs + RESUME_MARGIN_MS,
        detail: resumedAfterMs === null ? 'not resumed before the run ended' : `resumed ${resumedAfterMs} ms after the restart`,
      },
      writeAccountingCheck(run),
    ];
  },
};
