import type { GatewaySettings } from '@bff/gateway/settings';

import type { ClientMix } from './clientMix';
import type { RunSummary } from './loadSummary';
import type { SystemProcess } from './systemProcess';
import type { WriteOperation } from './writeMix';

/** Something done to the system during a run. */
export interface ScenarioEvent {
  /**
   * When, as a fraction of the run's length: 1/3 of a 30 s run is 10 s. Events
   * run one after another, in order: one whose time has passed when the one
   * before is done runs at once.
   */
  at: number;
  /** Names the event and the phase of the run it begins, e.g. "comments stopped". */
  label: string;
  /** A repair: the run reports how long after it every answer was full again. */
  repair?: boolean;
  act(system: SystemProcess): Promise<void>;
}

/** One expectation of a scenario, met or not. */
export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

/**
 * A load scenario: what happens to the system while the clients run, and what
 * a run should show. Adding one is one file in `scenarios/` and a line in its index.
 */
export interface Scenario {
  name: string;
  description: string;
  /** The system under load: the load tool's own system process (default), or the real npm start with kept data. */
  system?: 'child' | 'npm-start';
  events: readonly ScenarioEvent[];
  /** The operations the clients send; the frontend's mix when absent. */
  mix?: ClientMix;
  /**
   * When set, the clients are writers instead: they send these mutations, each
   * with its own Idempotency-Key, retried with it until definite, and the run
   * audits every write against the store (`RunSummary.audit`).
   */
  writers?: readonly WriteOperation[];
  /** What `--check` requires of a run; `gateway`: the settings the system's gateway ran with. */
  expectations(run: RunSummary, gateway: GatewaySettings): Check[];
}
