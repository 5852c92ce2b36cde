import { FRONTEND_MIX } from './clientMix';
import { runClients, type Sample } from './loadClients';
import { type RunSummary, summarizeRun } from './loadSummary';
import { prepareClients } from './prepareClients';
import type { Scenario } from './scenario';
import { startSystemProcess } from './systemProcess';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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

/**
 * One run: a fresh local system in a child process, the clients' setup, the
 * scenario's events at their times while the clients run, and the stored writes
 * counted before and after. Every run starts from the same state, so runs compare.
 */
export async function runLoad(options: RunOptions): Promise<RunSummary> {
  const system = await startSystemProcess(options.entry, { ...options.env, GATEWAY_ENGINE: options.engine });
  try {
    const setup = await prepareClients(system.gatewayUrl);
    const before = await system.count();
    const durationMs = options.seconds * 1000;

    const samples: Sample[] = [];
    system.logs.reset();
    const startedAt = performance.now();
    const cpuBefore = process.cpuUsage();
    const events: { label: string; atMs: number; repair?: boolean }[] = [];
    // Settled at once, so that a failed event waits for the clients instead of crashing the process.
    const acting = Promise.allSettled(
      options.scenario.events.map(async (event) => {
        await sleep(event.at * durationMs);
        await event.act(system);
        events.push({ label: event.label, atMs: performance.now() - startedAt, repair: event.repair });
      }),
    );
    await runClients({
      gatewayUrl: system.gatewayUrl,
      clients: options.clients,
      startedAt,
      stopAt: startedAt + durationMs,
      thinkMs: options.thinkMs,
      mix: options.scenario.mix ?? FRONTEND_MIX,
      ...setup,
      record: (sample) => samples.push(sample),
    });
    const cpu = process.cpuUsage(cpuBefore);
    for (const result of await acting) if (result.status === 'rejected') throw result.reason;

    const after = await system.count();
    return summarizeRun({
      scenario: options.scenario.name,
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
    });
  } finally {
    await system.close();
  }
}
