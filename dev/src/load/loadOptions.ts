import { parseArgs } from 'node:util';

import { ENGINE_NAMES } from '@bff/gateway';

import type { Scenario } from './scenario';
import { SCENARIOS } from './scenarios';

export interface LoadOptions {
  clients: number;
  seconds: number;
  scenario: Scenario;
  runs: number;
  engine: string;
  thinkMs: number;
  /** Exit non-zero when a run misses the scenario's expectations. */
  check: boolean;
  /** The JSON report's path; a new file under .test-results/load/ when absent. */
  out: string | undefined;
}

/** Options given wrongly: the message says which, the usage says how. */
export class LoadUsageError extends Error {
  override readonly name = 'LoadUsageError';
}

const scenarioNames = Object.values(SCENARIOS);
const nameWidth = Math.max(...scenarioNames.map((scenario) => scenario.name.length));

export const LOAD_USAGE = `Usage: npm run load -- [options]
  --clients N        concurrent clients, each a closed loop (default 200)
  --seconds S        how long they send (default 30)
  --scenario NAME    what happens meanwhile (default healthy):
${scenarioNames.map((scenario) => `                       ${scenario.name.padEnd(nameWidth)}  ${scenario.description}`).join('\n')}
  --runs R           consecutive runs, each on a fresh system (default 1)
  --engine E         gateway engine: ${ENGINE_NAMES.join(' | ')} (default GATEWAY_ENGINE, else stitch)
  --think-ms MS      pause between an answer and a client's next request (default 0)
  --check            exit 1 when a run misses the scenario's expectations
  --out FILE         where to write the JSON report (default .test-results/load/<time>-<scenario>-<engine>.json)`;

function positiveInteger(name: string, raw: string | undefined, fallback: number, min: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min) throw new LoadUsageError(`--${name} must be an integer of at least ${min}, got "${raw}"`);
  return value;
}

/** Reads `npm run load`'s arguments. */
export function parseLoadOptions(args: readonly string[], env: NodeJS.ProcessEnv): LoadOptions | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        clients: { type: 'string' },
        seconds: { type: 'string' },
        scenario: { type: 'string' },
        runs: { type: 'string' },
        engine: { type: 'string' },
        'think-ms': { type: 'string' },
        check: { type: 'boolean' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new LoadUsageError((error as Error).message);
  }
  if (values.help) return 'help';
  const scenarioName = values.scenario ?? 'healthy';
  const scenario = SCENARIOS[scenarioName];
  if (!scenario) throw new LoadUsageError(`No scenario "${scenarioName}"; the scenarios are ${Object.keys(SCENARIOS).join(', ')}`);
  const engine = values.engine ?? env.GATEWAY_ENGINE ?? 'stitch';
  if (!(ENGINE_NAMES as readonly string[]).includes(engine)) throw new LoadUsageError(`--engine must be one of ${ENGINE_NAMES.join(', ')}, got "${engine}"`);
  return {
    clients: positiveInteger('clients', values.clients, 200, 1),
    seconds: positiveInteger('seconds', values.seconds, 30, 1),
    scenario,
    runs: positiveInteger('runs', values.runs, 1, 1),
    engine,
    thinkMs: positiveInteger('think-ms', values['think-ms'], 0, 0),
    check: values.check ?? false,
    out: values.out,
  };
}
