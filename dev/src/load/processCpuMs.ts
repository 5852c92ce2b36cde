import { readFileSync } from 'node:fs';

/** Linux's USER_HZ, the unit of /proc's CPU times: 100 on every common build. */
const TICKS_PER_SECOND = 100;

/**
 * CPU time (user + system) another process has used so far, from
 * /proc/<pid>/stat; null where there is no /proc (not Linux) or the process is gone.
 */
export function processCpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): state is the 3rd field, utime the 14th, stime the 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? (ticks / TICKS_PER_SECOND) * 1000 : null;
  } catch {
    return null;
  }
}
