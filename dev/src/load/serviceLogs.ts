/** A circuit breaker changing state, as the services logged it. */
export interface BreakerEvent {
  /** `performance.now()` of the load tool when the line arrived. */
  at: number;
  /** The service whose client has the breaker (`gateway`, or `comments` calling articles). */
  service: string;
  subgraph: string;
  state: 'opened' | 'closed';
}

interface LogLine {
  level?: string;
  message?: string;
  service?: string;
  subgraph?: string;
  outcome?: string;
}

/** The subgraph client's lines when a breaker changes state. */
const BREAKER_MESSAGES: Record<string, BreakerEvent['state']> = { 'Circuit opened': 'opened', 'Circuit closed': 'closed' };

/**
 * Reads the system's JSON log lines (Powertools Logger, WARN and above) and
 * tallies what a load run should report: breaker openings and closings, upstream
 * calls that did not succeed by subgraph and outcome, and every other line by
 * level, service and message. Lines that are not JSON are handed back.
 */
export class ServiceLogTally {
  breakerEvents: BreakerEvent[] = [];
  /** `gateway→comments timeout` → calls. */
  upstreamOutcomes: Record<string, number> = {};
  /** `WARN comments: Counter update failed` → lines. */
  otherLines: Record<string, number> = {};

  /** Forgets everything so far: a run counts only its own lines. */
  reset(): void {
    this.breakerEvents = [];
    this.upstreamOutcomes = {};
    this.otherLines = {};
  }

  /** Takes one line; returns false when it is not a log line (a crash message, a warning of Node's). */
  read(text: string, at: number): boolean {
    let line: LogLine;
    try {
      line = JSON.parse(text) as LogLine;
    } catch {
      return false;
    }
    if (typeof line !== 'object' || line === null) return false;
    const service = line.service ?? 'unknown';
    const breakerState = line.message === undefined ? undefined : BREAKER_MESSAGES[line.message];
    if (breakerState && line.subgraph) {
      this.breakerEvents.push({ at, service, subgraph: line.subgraph, state: breakerState });
    } else if (line.subgraph && line.outcome) {
      bump(this.upstreamOutcomes, `${service}→${line.subgraph} ${line.outcome}`);
    } else {
      bump(this.otherLines, `${line.level ?? '?'} ${service}: ${line.message ?? '(no message)'}`);
    }
    return true;
  }
}

function bump(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}
