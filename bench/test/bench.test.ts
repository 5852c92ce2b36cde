// `npm run bench -- --quick`, as a test: the harness runs end to end on every `npm test`
// (so it cannot rot), and each figure comes out measured. No timing is asserted here:
// numbers belong to the full run (bench/RESULTS.md), never to a test on a noisy machine.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { BenchResults } from '../src/report';

const root = join(__dirname, '../..');

let results: BenchResults;
let markdown: string;

beforeAll(() => {
  execFileSync(process.execPath, [join(root, 'dev/build.mjs'), 'bench'], { cwd: root });
  execFileSync(process.execPath, [join(root, '.build/bench/bench.js'), '--quick'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  results = JSON.parse(readFileSync(join(root, '.build/bench/results.partial.json'), 'utf8')) as BenchResults;
  markdown = readFileSync(join(root, '.build/bench/RESULTS.partial.md'), 'utf8');
}, 300_000);

it('starts every deployed bundle cold, the gateway in both engines, beside bare Node', () => {
  expect(results.coldStart.map((row) => row.name)).toEqual([
    'bare node -e 0',
    'users',
    'articles',
    'comments',
    'gateway (stitch)',
    'gateway (stitch), composing at cold start',
    'gateway (apollo)',
    'gateway (apollo), composing at cold start',
  ]);
  for (const row of results.coldStart) {
    expect(row.medianMs).toBeGreaterThan(0);
    expect(row.runs).toBeGreaterThanOrEqual(2);
  }
});

it('measures the gateway overhead for each engine over the same requests', () => {
  expect(results.overhead.map((row) => row.engine)).toEqual(['stitch', 'apollo']);
  for (const row of results.overhead) {
    expect(row.requests).toBe(100);
    expect(row.directP50Ms).toBeGreaterThan(0);
    expect(row.gatewayP50Ms).toBeGreaterThan(0);
  }
});

it('counts subgraph requests and DynamoDB calls for N = 1, 10, 100 through each engine', () => {
  expect(results.fanOut.map((row) => [row.engine, row.n])).toEqual([
    ['stitch', 1],
    ['stitch', 10],
    ['stitch', 100],
    ['apollo', 1],
    ['apollo', 10],
    ['apollo', 100],
  ]);
  for (const row of results.fanOut) {
    // Each subgraph answers at least once: the counters see the real traffic.
    expect(Object.keys(row.requestsBySubgraph).sort()).toEqual(['articles', 'comments', 'users']);
    expect(row.dynamodbCalls).toBeGreaterThanOrEqual(3);
  }
});

it('loads both engines and the baseline with autocannon, every answer checked', () => {
  expect(results.throughput.map((row) => row.name)).toEqual(['gateway (stitch)', 'gateway (apollo)', 'baseline: @apollo/gateway']);
  for (const row of results.throughput) expect(row.failures).toBe(0);
});

it('writes the markdown with the machine and every figure', () => {
  expect(markdown).toContain(`Node ${process.version}`);
  for (const heading of ['## Cold start of each deployed bundle', '## Gateway overhead', '## Fan-out', '## Throughput and memory']) {
    expect(markdown).toContain(heading);
  }
});
