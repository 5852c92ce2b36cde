import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a bundled position came from: the npm package, or our workspace file. */
function origin(source: string | null): string {
  if (!source) return '(bundle, unmapped)';
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  return inPackage ? inPackage[1]! : source.replace(/^(\.\.\/)+/, '');
}

/**
 * Self time of a `node --cpu-prof` profile of one cold start, by npm package
 * (or workspace file), through the bundle's source map: what the cold start
 * spends its time on. Node's own internals are grouped as `node:<file>`.
 */
export function profileByOrigin(profileDir: string, bundle: string): { totalMs: number; top: { origin: string; ms: number }[] } {
  const file = readdirSync(profileDir).find((name) => name.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no .cpuprofile in ${profileDir}`);
  const profile = JSON.parse(readFileSync(join(profileDir, file), 'utf8')) as CpuProfile;
  const map = new TraceMap(readFileSync(`${bundle}.map`, 'utf8'));
  const sampled = new Map<number, number>();
  profile.samples.forEach((id, i) => sampled.set(id, (sampled.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const byOrigin = new Map<string, number>();
  let totalMs = 0;
  for (const node of profile.nodes) {
    const ms = sampled.get(node.id) ?? 0;
    totalMs += ms;
    const { url, lineNumber, columnNumber, functionName } = node.callFrame;
    const key =
      url === `file://${bundle}` || url === bundle
        ? origin(originalPositionFor(map, { line: lineNumber + 1, column: columnNumber }).source)
        : url
          ? `node:${url.replace(/^.*\//, '')}`
          : `(${functionName || 'root'})`;
    byOrigin.set(key, (byOrigin.get(key) ?? 0) + ms);
  }
  const top = [...byOrigin.entries()]
    .map(([name, ms]) => ({ origin: name, ms: Math.round(ms * 10) / 10 }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 15);
  return { totalMs: Math.round(totalMs), top };
}
