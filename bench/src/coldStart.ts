import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { lambdaContext } from '@bff/kit/local';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

import type { Invocation } from './children/protocol';
import type { MeasuredNode } from './lambdaNode';
import { profileByOrigin, type ProfileSummary } from './profile';
import { type GraphQLBody, problemOf } from './queries';
import { median, round } from './stats';

/** One thing to start cold on one Node: a deployed function and the first request it answers, or bare Node. */
export interface ColdStartCase {
  name: string;
  node: MeasuredNode;
  /** The module Lambda loads (the loader); absent for the bare `node -e 0` baseline. */
  handlerModule?: string;
  /** The esbuild bundle it compiles, for reading a profile through its source map. */
  bundle?: string;
  /** What the loader must have done with the bundle's code cache: a run that did otherwise is no result. */
  codeCache?: 'used' | 'none';
  env: NodeJS.ProcessEnv;
  /** The first event; made fresh for each run (signatures expire and nonces are single-use). */
  event?: () => Promise<APIGatewayProxyEventV2>;
  /** The ratio to bare Node this case must stay under. */
  target?: number;
}

export interface ColdStartResult {
  name: string;
  /** The Node it ran on; its ratio is to bare Node of the same binary. */
  node: string;
  runs: number;
  medianMs: number;
  minMs: number;
  ratio: number;
  codeCache?: string;
  target?: number;
  met?: boolean;
  /** With --profile: one more cold start under `node --cpu-prof`, self time by package. */
  profile?: ProfileSummary;
}

/** What the cold start runner invokes its handler with: the event, and a Lambda context for `functionName` as the kit makes it. */
export function invocation(event: APIGatewayProxyEventV2, functionName: string, timeoutMs = 10_000): Invocation {
  const data = JSON.parse(JSON.stringify(lambdaContext(functionName, timeoutMs))) as Invocation['context']['data'];
  return { event, context: { data, timeoutMs } };
}

/** Spawns one process and waits for it to exit: wall time from spawn to exit, in ms. */
function timeProcess(node: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ ms: number; code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(node, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ ms: performance.now() - started, code, stderr }));
  });
}

/**
 * A profile of a bundle compiled by the loader, made readable by the source map:
 * Node 20 names the script after where its code cache was made (the build's
 * folder), and the loader's one-line wrapper sits at line -1.
 */
function normalizeProfile(dir: string, bundle: string): void {
  for (const name of readdirSync(dir).filter((file) => file.endsWith('.cpuprofile'))) {
    const file = join(dir, name);
    const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: { callFrame: { url: string; lineNumber: number; columnNumber: number } }[] };
    for (const { callFrame } of profile.nodes) {
      if (/\/index\.js$/.test(callFrame.url) && !callFrame.url.includes('node_modules')) callFrame.url = bundle;
      if (callFrame.lineNumber < 0) Object.assign(callFrame, { lineNumber: 0, columnNumber: 0 });
    }
    writeFileSync(file, JSON.stringify(profile));
  }
}

/**
 * Cold starts, interleaved: each round starts every case once (every Node, every
 * function), so that a noisy moment of the machine spreads over all of them rather
 * than one. Each run's answer is checked (status 200, data, no errors), and so is
 * what the loader did with the code cache: a fast failure, or a run without the
 * cache it should have had, is no result.
 */
export async function measureColdStarts(
  cases: ColdStartCase[],
  options: { runs: number; runner: string; workDir: string; log: (line: string) => void; profile?: boolean },
): Promise<ColdStartResult[]> {
  const times = new Map<ColdStartCase, number[]>(cases.map((item) => [item, []]));
  const eventFile = join(options.workDir, 'cold-event.json');
  const resultFile = join(options.workDir, 'cold-result.json');
  const label = (item: ColdStartCase) => `${item.name} on ${item.node.label}`;
  for (let round = 0; round < options.runs; round++) {
    for (const item of cases) {
      let args = ['-e', '0'];
      if (item.handlerModule && item.event) {
        writeFileSync(eventFile, JSON.stringify(invocation(await item.event(), item.name)));
        rmSync(resultFile, { force: true });
        args = [options.runner, item.handlerModule, eventFile, resultFile];
      }
      const run = await timeProcess(item.node.path, args, item.env);
      if (run.code !== 0) throw new Error(`${label(item)}: the cold start failed (exit ${run.code}): ${run.stderr.slice(0, 2000)}`);
      if (item.handlerModule) {
        const { result, codeCache } = JSON.parse(readFileSync(resultFile, 'utf8')) as { result: APIGatewayProxyStructuredResultV2; codeCache?: string };
        const problem = result.statusCode === 200 ? problemOf(JSON.parse(result.body ?? '{}') as GraphQLBody) : `status ${result.statusCode}: ${result.body}`;
        if (problem) throw new Error(`${label(item)}: the first query failed: ${problem}`);
        if (item.codeCache && codeCache !== item.codeCache) throw new Error(`${label(item)}: the loader's code cache was ${codeCache}, not ${item.codeCache}`);
      }
      times.get(item)!.push(run.ms);
    }
    options.log(`  cold start round ${round + 1}/${options.runs}`);
  }
  const profiles = new Map<ColdStartCase, ColdStartResult['profile']>();
  for (const [index, item] of cases.entries()) {
    if (!options.profile || !item.handlerModule || !item.bundle || !item.event) continue;
    const dir = join(options.workDir, `profile-${index}`);
    writeFileSync(eventFile, JSON.stringify(invocation(await item.event(), item.name)));
    const run = await timeProcess(item.node.path, ['--cpu-prof', `--cpu-prof-dir=${dir}`, options.runner, item.handlerModule, eventFile, resultFile], item.env);
    if (run.code !== 0) throw new Error(`${label(item)}: the profiled cold start failed: ${run.stderr.slice(0, 2000)}`);
    normalizeProfile(dir, item.bundle);
    profiles.set(item, profileByOrigin(dir, item.bundle));
    options.log(`  profiled ${label(item)}`);
  }
  // Each Node's cases against its own bare start.
  const bare = new Map<string, number>();
  for (const item of cases) if (!item.handlerModule) bare.set(item.node.path, median(times.get(item)!));
  return cases.map((item) => {
    const profile = profiles.get(item);
    const ms = times.get(item)!;
    const base = bare.get(item.node.path);
    if (base === undefined) throw new Error(`no bare start on ${item.node.label} to compare ${item.name} with`);
    const ratio = median(ms) / base;
    return {
      name: item.name,
      node: item.node.label,
      runs: ms.length,
      medianMs: round(median(ms)),
      minMs: round(Math.min(...ms)),
      ratio: round(ratio),
      ...(item.codeCache ? { codeCache: item.codeCache } : {}),
      ...(item.target !== undefined ? { target: item.target, met: ratio <= item.target } : {}),
      ...(profile ? { profile } : {}),
    };
  });
}
