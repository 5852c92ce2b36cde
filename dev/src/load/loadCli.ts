import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';

import { readGatewaySettings } from '@bff/gateway/settings';

import { LOAD_USAGE, type LoadOptions, LoadUsageError, parseLoadOptions } from './loadOptions';
import { renderRun, renderRuns } from './loadReport';
import type { RunSummary } from './loadSummary';
import { runLoad } from './runLoad';
import type { Check } from './scenario';

/** The JSON report: the options and every run's summary and checks, for later reading. */
export interface LoadReportFile {
  startedAt: string;
  options: Omit<LoadOptions, 'scenario' | 'out'> & { scenario: string };
  runs: (RunSummary & { checks: Check[] })[];
}

/**
 * `npm run load`: runs the scenario `--runs` times, each on a fresh system in a
 * child process (`entry`, this same bundle), prints a report per run and writes
 * them all as JSON; the system under load gets `env`, the tool's environment.
 * Returns the exit code: 0 when it ran, unless `--check` finds an expectation
 * missed (1); 2 for bad arguments.
 */
export async function loadCli(args: readonly string[], entry: string, env: NodeJS.ProcessEnv): Promise<number> {
  let options: LoadOptions | 'help';
  try {
    options = parseLoadOptions(args, env);
  } catch (error) {
    if (!(error instanceof LoadUsageError)) throw error;
    console.error(`${error.message}\n\n${LOAD_USAGE}`);
    return 2;
  }
  if (options === 'help') {
    console.log(LOAD_USAGE);
    return 0;
  }

  // The settings the system's gateway will parse from this environment: what the expectations are measured against.
  const gateway = readGatewaySettings(env);
  const startedAt = new Date();
  const runs: LoadReportFile['runs'] = [];
  for (let run = 1; run <= options.runs; run++) {
    const system = options.scenario.system === 'npm-start' ? 'npm start on a fresh data folder' : 'a fresh local system';
    const clients = options.scenario.writers ? 'writers' : 'clients';
    console.log(`Starting run ${run} of ${options.runs}: ${system}, then ${options.clients} ${clients} for ${options.seconds} s…`);
    const summary = await runLoad({ entry, env, ...options });
    const checks = options.scenario.expectations(summary, gateway);
    runs.push({ ...summary, checks });
    console.log(`\n${renderRun(summary, `Run ${run} of ${options.runs}`, checks)}\n`);
  }
  if (runs.length > 1) console.log(`${renderRuns(runs, runs.map((run) => run.checks))}\n`);

  const file =
    options.out ?? join(process.cwd(), '.test-results', 'load', `${startedAt.toISOString().replace(/[:.]/g, '-')}-${options.scenario.name}-${options.engine}.json`);
  const { scenario, out: _out, ...rest } = options;
  const report: LoadReportFile = { startedAt: startedAt.toISOString(), options: { ...rest, scenario: scenario.name }, runs };
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`Report: ${relative(process.cwd(), file)}`);

  const missed = runs.some((run) => run.checks.some((check) => !check.ok));
  return options.check && missed ? 1 : 0;
}
