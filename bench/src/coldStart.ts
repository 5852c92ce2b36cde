import { spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

import { profileByOrigin, type ProfileSummary } from './profile';
import { type GraphQLBody, problemOf } from './queries';
import { median, round } from './stats';

/** One thing to start cold: a deployed bundle and the first request it answers (or bare Node). */
export interface ColdStartCase {
  name: string;
  /** The bundle; absent for the bare `node -e 0` baseline. */
  bundle?: string;
  env: NodeJS.ProcessEnv;
  /** The first event; made fresh for each run (signatures expire and nonces are single-use). */
  event?: () => Promise<APIGatewayProxyEventV2>;
  /** The ratio to bare Node this case must stay under. */
  target?: number;
}

export interface ColdStartResult {
  name: string;
  runs: number;
  medianMs: number;
  minMs: number;
  ratio: number;
  target?: number;
  met?: boolean;
  /** With --profile: one more cold start under `node --cpu-prof`, self time by package. */
  profile?: ProfileSummary;
}

/** Spawns one process and waits for it to exit: wall time from spawn to exit, in ms. */
function timeProcess(args: string[], env: NodeJS.ProcessEnv): Promise<{ ms: number; code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ ms: performance.now() - started, code, stderr }));
  });
}

/**
 * Cold starts, interleaved: each round starts every case once, so that a noisy
 * moment of the machine spreads over all of them rather than one. Each run's
 * answer is checked (status 200, data, no errors): a fast failure is no result.
 */
export async function measureColdStarts(
  cases: ColdStartCase[],
  options: { runs: number; runner: string; workDir: string; log: (line: string) => void; profile?: boolean },
): Promise<ColdStartResult[]> {
  const times = new Map<string, number[]>(cases.map((item) => [item.name, []]));
  const eventFile = join(options.workDir, 'cold-event.json');
  const resultFile = join(options.workDir, 'cold-result.json');
  for (let round = 0; round < options.runs; round++) {
    for (const item of cases) {
      let args = ['-e', '0'];
      if (item.bundle && item.event) {
        writeFileSync(eventFile, JSON.stringify(await item.event()));
        rmSync(resultFile, { force: true });
        args = [options.runner, item.bundle, eventFile, resultFile];
      }
      const run = await timeProcess(args, item.env);
      if (run.code !== 0) throw new Error(`${item.name}: the cold start failed (exit ${run.code}): ${run.stderr.slice(0, 2000)}`);
      if (item.bundle) {
        const result = JSON.parse(readFileSync(resultFile, 'utf8')) as APIGatewayProxyStructuredResultV2;
        const problem = result.statusCode === 200 ? problemOf(JSON.parse(result.body ?? '{}') as GraphQLBody) : `status ${result.statusCode}: ${result.body}`;
        if (problem) throw new Error(`${item.name}: the first query failed: ${problem}`);
      }
      times.get(item.name)!.push(run.ms);
    }
    options.log(`  cold start round ${round + 1}/${options.runs}`);
  }
  const profiles = new Map<string, ColdStartResult['profile']>();
  for (const [index, item] of cases.entries()) {
    if (!options.profile || !item.bundle || !item.event) continue;
    const dir = join(options.workDir, `profile-${index}`);
    writeFileSync(eventFile, JSON.stringify(await item.event()));
    const run = await timeProcess(['--cpu-prof', `--cpu-prof-dir=${dir}`, options.runner, item.bundle, eventFile, resultFile], item.env);
    if (run.code !== 0) throw new Error(`${item.name}: the profiled cold start failed: ${run.stderr.slice(0, 2000)}`);
    profiles.set(item.name, profileByOrigin(dir, item.bundle));
    options.log(`  profiled ${item.name}`);
  }
  const bare = median(times.get(cases[0]!.name)!);
  return cases.map((item) => {
    const profile = profiles.get(item.name);
    const ms = times.get(item.name)!;
    const ratio = median(ms) / bare;
    return {
      name: item.name,
      runs: ms.length,
      medianMs: round(median(ms)),
      minMs: round(Math.min(...ms)),
      ratio: round(ratio),
      ...(item.target !== undefined ? { target: item.target, met: ratio <= item.target } : {}),
      ...(profile ? { profile } : {}),
    };
  });
}
