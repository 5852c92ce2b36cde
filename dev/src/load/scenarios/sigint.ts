import { NETWORK_ERROR } from '../classifyAnswer';
import type { Check, Scenario } from '../scenario';
import { retriedThroughCheck, writeAuditChecks } from '../writeAuditChecks';
import { WRITE_MIX } from '../writeMix';

/**
 * The real npm start, its data kept on disk, under writers: Ctrl-C (SIGINT) a
 * third into the run, then started again on the same data as soon as it has
 * exited (the phase "Ctrl-C (SIGINT) sent" is its stop, down time and start); writers keep retrying their unfinished writes with the same keys
 * against the new process (the idempotency records are in the same store).
 * After the run it is stopped the same way once more, and its data counted.
 */
export const sigint: Scenario = {
  name: 'sigint',
  description: 'writers against the real npm start, data kept on disk: Ctrl-C at 1/3, started again at once',
  system: 'npm-start',
  events: [
    { at: 1 / 3, label: 'Ctrl-C (SIGINT) sent', act: (system) => system.interrupt() },
    { at: 1 / 3, label: 'npm start restarted', repair: true, act: (system) => system.restart() },
  ],
  writers: WRITE_MIX,
  expectations(run) {
    const { shutdowns = [], restarts = [] } = run.npmStart ?? {};
    const clean = shutdowns.filter((record) => record.exitCode === 0 && record.printedStopped && !record.stackTrace);
    const repaired = restarts.flatMap((record) => record.repaired);
    const checks: Check[] = [
      {
        name: 'every Ctrl-C stopped npm start gracefully: exit 0, "Stopped.", no stack trace',
        ok: shutdowns.length >= 2 && clean.length === shutdowns.length,
        detail: shutdowns.map((record) => `${record.label}: exit ${record.exitCode ?? record.exitSignal} in ${record.durationMs} ms${record.stackTrace ? ', stack trace' : ''}`).join(' · ') || 'no stop recorded',
      },
      {
        name: 'the restart found nothing to repair: the graceful stop left no count or deletion half-done',
        ok: restarts.length === 1 && repaired.length === 0,
        detail: restarts.length ? (repaired.length ? repaired.join(' | ') : `restarted in ${restarts[0]!.durationMs} ms, nothing to fix`) : 'not restarted',
      },
    ];
    return [...checks, ...writeAuditChecks(run), retriedThroughCheck(run, 'the stop and restart', (key) => key === NETWORK_ERROR || key.startsWith('HTTP 5'))];
  },
};
