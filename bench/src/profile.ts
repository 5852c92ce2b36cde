import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time of one profile, grouped twice: by package, and by function. */
export interface ProfileSummary {
  /** Sampled time on the CPU, in ms (idle left out). */
  totalMs: number;
  /** Sampled time with nothing to do, in ms. */
  idleMs: number;
  /** By npm package, by our workspace, by `node:<module>`, `(native)`, or V8's own entries such as `(garbage collector)`. */
  top: { origin: string; ms: number }[];
  /** By function, with where it is. */
  topFunctions?: { name: string; origin: string; ms: number }[];
}

// Our workspaces, where a source path starts: time in them is grouped by workspace.
const WORKSPACES = /^(packages\/[^/]+|subgraphs\/[^/]+|gateway|bench|dev|infra)\//;

/** Which package a file belongs to: the npm package, our workspace, or Node's own module. */
export function originOf(path: string): string {
  // The innermost node_modules: a package's own copy of a dependency is that dependency.
  const inPackage = [...path.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)].at(-1);
  if (inPackage) return inPackage[1]!;
  if (path.startsWith('node:')) return `node:${path.slice(5).replace(/^internal\//, '').split('/')[0]}`;
  const relative = path.replace(/^file:\/\//, '').replace(/^(\.\.\/)+/, '').replace(/^.*?\/(?=(packages|subgraphs|gateway|bench|dev|infra)\/)/, '');
  return WORKSPACES.exec(relative)?.[1] ?? relative;
}

/**
 * Self time of a CPU profile (`node --cpu-prof`, or the inspector's), by npm package
 * (or our workspace) and by function. Bundled code is traced back through each
 * bundle's source map, so a package bundled into a Lambda bundle is still named.
 */
export function summarizeProfile(profile: CpuProfile, bundles: string[], { top = 15 } = {}): ProfileSummary {
  const maps = new Map(bundles.map((bundle) => [`file://${bundle}`, new TraceMap(readFileSync(`${bundle}.map`, 'utf8'))]));
  for (const bundle of bundles) maps.set(bundle, maps.get(`file://${bundle}`)!);
  const sampled = new Map<number, number>();
  profile.samples.forEach((id, i) => sampled.set(id, (sampled.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  // The profiler's own work (an in-process inspector session starting and stopping it) is not the gateway's.
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const inProfiler = (id: number): boolean => {
    for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) {
      if (byId.get(at)?.callFrame.url === 'node:inspector') return true;
    }
    return false;
  };
  const byOrigin = new Map<string, number>();
  const byFunction = new Map<string, { name: string; origin: string; ms: number }>();
  let totalMs = 0;
  let idleMs = 0;
  for (const node of profile.nodes) {
    const ms = sampled.get(node.id) ?? 0;
    if (ms === 0 || inProfiler(node.id)) continue;
    const { url, lineNumber, columnNumber, functionName } = node.callFrame;
    if (!url && functionName === '(idle)') {
      idleMs += ms;
      continue;
    }
    totalMs += ms;
    let origin: string;
    let where = '';
    const map = maps.get(url);
    if (map) {
      const position = originalPositionFor(map, { line: lineNumber + 1, column: columnNumber });
      origin = position.source ? originOf(position.source) : '(bundle, unmapped)';
      where = position.source ? `${position.source.replace(/^.*node_modules\//, '').replace(/^(\.\.\/)+/, '')}:${position.line}` : '';
    } else if (url) {
      origin = originOf(url);
      where = `${url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(?=[^/]+\/[^/]+$)/, '')}:${lineNumber + 1}`;
    } else {
      // V8's own entries are named in parentheses, `(garbage collector)`; other frames without a file are native code.
      origin = functionName.startsWith('(') ? functionName : functionName ? '(native)' : '(root)';
    }
    byOrigin.set(origin, (byOrigin.get(origin) ?? 0) + ms);
    const name = `${functionName || '(anonymous)'}${where ? ` ${where}` : ''}`;
    const entry = byFunction.get(name) ?? { name, origin, ms: 0 };
    entry.ms += ms;
    byFunction.set(name, entry);
  }
  const tenth = (ms: number) => Math.round(ms * 10) / 10;
  return {
    totalMs: Math.round(totalMs),
    idleMs: Math.round(idleMs),
    top: [...byOrigin.entries()]
      .map(([origin, ms]) => ({ origin, ms: tenth(ms) }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, top),
    topFunctions: [...byFunction.values()]
      .map((entry) => ({ ...entry, ms: tenth(entry.ms) }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, top),
  };
}

/** The one `.cpuprofile` that `node --cpu-prof --cpu-prof-dir=<dir>` wrote, summarized. */
export function profileByOrigin(profileDir: string, bundle: string): ProfileSummary {
  const file = readdirSync(profileDir).find((name) => name.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no .cpuprofile in ${profileDir}`);
  const { topFunctions: _functions, ...byPackage } = summarizeProfile(JSON.parse(readFileSync(join(profileDir, file), 'utf8')) as CpuProfile, [bundle]);
  return byPackage;
}

/** A `.cpuprofile` file written by the inspector, summarized. */
export const summarizeProfileFile = (file: string, bundles: string[]) => summarizeProfile(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, bundles);
