import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { FRONTEND_MIX } from './clientMix';
import { runClients, type Sample } from './loadClients';
import { type RunSummary, summarizeRun } from './loadSummary';
import { startNpmStartProcess } from './npmStartProcess';
import { prepareClients } from './prepareClients';
import type { Scenario } from './scenario';
import { startSystemProcess, type SystemProcess } from './systemProcess';
import { type LogicalWrite, runWriteClients } from './writeClients';

export interface RunOptions {
  /** The built load tool (`.build/dev/load.js`): forked again as the system under load. */
  entry: string;
  /** The system's environment; GATEWAY_ENGINE is set from `engine`. */
  env: NodeJS.ProcessEnv;
  engine: string;
  scenario: Scenario;
  clients: number;
  seconds: number;
  thinkMs: number;
}

function startSystem(options: RunOptions): Promise<SystemProcess> {
  if (options.scenario.system === 'npm-start') {
    // The bundle is <repo>/.build/dev/load.js.
    return startNpmStartProcess({ repoRoot: join(dirname(options.entry), '../..'), env: options.env, engine: options.engine });
  }
  return startSystemProcess(options.entry, { ...options.env, GATEWAY_ENGINE: options.engine });
}

/**
 * One run: a fresh local system in a child process, the clients' setup, the
 * scenario's events at their times while the clients run, and the stored writes
 * counted before and after. Every run starts from the same state, so runs compare.
 */
export async function runLoad(options: RunOptions): Promise<RunSummary> {
  const { scenario } = options;
  const system = await startSystem(options);
  try {
    const setup = await prepareClients(system.gatewayUrl);
    const before = await system.count();
    const durationMs = options.seconds * 1000;

    const samples: Sample[] = [];
    const writes: LogicalWrite[] = [];
    system.logs.reset();
    const startedAt = performance.now();
    const cpuBefore = process.cpuUsage();
    const events: { label: string; atMs: number; repair?: boolean }[] = [];
    // Caught at once, so that a failed event waits for the clients instead of crashing the process.
    const acting = (async () => {
      for (const event of scenario.events) {
        // A timer may fire up to a millisecond early by this clock: wait until the moment has really come.
        const due = startedAt + event.at * durationMs;
        while (performance.now() < due) await sleep(due - performance.now());
        await event.act(system);
        events.push({ label: event.label, atMs: performance.now() - startedAt, repair: event.repair });
      }
    })().then(
      () => undefined,
      (error: unknown) => ({ error }),
    );
    const clients = { gatewayUrl: system.gatewayUrl, clients: options.clients, startedAt, stopAt: startedAt + durationMs, thinkMs: options.thinkMs, ...setup };
    const record = (sample: Sample) => samples.push(sample);
    // A tag for this run's writes, to find their items in the store.
    const runTag = randomBytes(4).toString('hex');
    if (scenario.writers) {
      await runWriteClients({ ...clients, mix: scenario.writers, runTag, record, recordWrite: (write) => writes.push(write) });
    } else {
      await runClients({ ...clients, mix: scenario.mix ?? FRONTEND_MIX, record });
    }
    const cpu = process.cpuUsage(cpuBefore);
    const failed = await acting;
    if (failed) throw failed.error;

    const after = await system.count({ withItems: scenario.writers !== undefined, final: true });
    return summarizeRun({
      scenario: scenario.name,
      system: system.kind,
      engine: system.engine,
      clients: options.clients,
      seconds: options.seconds,
      thinkMs: options.thinkMs,
      samples,
      events,
      breakerEvents: system.logs.breakerEvents.map(({ at, ...event }) => ({ ...event, atMs: Math.round(at - startedAt) })),
      upstreamOutcomes: system.logs.upstreamOutcomes,
      otherLogLines: system.logs.otherLines,
      before,
      after,
      loadGeneratorCpuMs: (cpu.user + cpu.system) / 1000,
      ...(scenario.writers && { writes, runTag }),
      lifecycle: system.lifecycle,
    });
  } finally {
    await system.close();
  }
}
