// `npm run bench -- --quick`, as a test: the harness runs end to end on every `npm test`
// (so it cannot rot), and each figure comes out measured. No timing is asserted here,
// only that answers were correct: numbers belong to the full run (bench/RESULTS.md),
// never to a test on a noisy machine.
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

describe('the gateway alone, on in-memory subgraphs', () => {
  it('loads both engines and the stock @apollo/gateway, every answer correct', () => {
    const scenario = results.gatewayOnly!;
    expect(scenario.throughput.map((row) => row.name)).toEqual(['gateway (stitch)', 'gateway (stitch), 8 at once', 'gateway (apollo)', 'stock @apollo/gateway']);
    for (const row of scenario.throughput) {
      expect(row.failures).toBe(0);
      expect(row.requests).toBeGreaterThan(0);
    }
    // Tens of KB, the same data from every gateway (the bench refuses to go on otherwise).
    expect(scenario.answerBytes).toBeGreaterThan(20_000);
  });

  it('has every gateway call all four subgraphs for the storefront query', () => {
    for (const row of results.gatewayOnly!.subgraphCalls) {
      expect(Object.keys(row.bySubgraph).sort()).toEqual(['accounts', 'inventory', 'products', 'reviews']);
      for (const count of Object.values(row.bySubgraph)) expect(count).toBeGreaterThan(0);
    }
  });

  it('measures the stitching library alone, in process, on the answer the gateways gave', () => {
    // It throws when any in-process answer differs from the gateways' checked answer.
    const inProcess = results.gatewayOnly!.stitchInProcess!;
    expect(inProcess.queries).toBe(10);
    expect(inProcess.subgraphCalls).toBeGreaterThan(0);
    expect(inProcess.stitchedCpuMs).toBeGreaterThan(0);
    expect(inProcess.floorCpuMs).toBeGreaterThan(0);
    expect(markdown).toContain('## The stitching library alone, in process');
  });

  it('measures the one-subgraph overhead through each gateway', () => {
    expect(results.gatewayOnly!.overhead.map((row) => [row.engine, row.requests])).toEqual([
      ['gateway (stitch)', 100],
      ['gateway (stitch), 8 at once', 100],
      ['gateway (apollo)', 100],
      ['stock @apollo/gateway', 100],
    ]);
  });

  it('profiles each gateway and groups its CPU time by package', () => {
    const profiles = results.gatewayOnly!.profiles!;
    expect(profiles.map((profile) => profile.gateway)).toEqual(['gateway (stitch)', 'gateway (stitch), 8 at once', 'gateway (apollo)', 'stock @apollo/gateway']);
    for (const profile of profiles) {
      expect(profile.summary.totalMs).toBeGreaterThan(0);
      // Traced to packages through the bundle's source map, not lumped together as the bundle.
      expect(profile.summary.top.map((entry) => entry.origin)).not.toContain('(bundle, unmapped)');
    }
    expect(profiles[0]!.summary.top.some((entry) => entry.origin.startsWith('@graphql-tools/'))).toBe(true);
  });

  it('samples the gateway’s memory through a soak under load', () => {
    const soak = results.gatewayOnly!.soak!;
    expect(soak.failures).toBe(0);
    expect(soak.samples.length).toBeGreaterThanOrEqual(3);
  });
});

it('starts every deployed bundle cold with its code cache, the gateway in both engines, beside bare Node', () => {
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
    expect(row.node).toBe(`Node ${process.version.slice(1)}`);
    // The bench refuses a run in which the loader did not use the cache: each bundle row says it was.
    if (row.name !== 'bare node -e 0') expect(row.codeCache).toBe('used');
  }
});

it('measures the cold path a user feels: one cold instance of every function for the first query, then the same query warm', () => {
  expect(results.coldPath).toHaveLength(1);
  const [path] = results.coldPath!;
  expect(path!.coldStarts).toEqual({ gateway: 1, users: 1, articles: 1, comments: 1 });
  expect(path!.coldMedianMs).toBeGreaterThan(0);
  expect(path!.warmMedianMs).toBeGreaterThan(0);
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
  for (const heading of [
    '## The gateway alone: throughput and memory',
    '## The gateway alone: overhead of a one-subgraph query',
    '## Where gateway (stitch) spends its CPU',
    '## The gateway alone: memory over a soak',
    '## Cold start of each deployed bundle',
    '## The cold path a user feels',
    '## Whole local system: gateway overhead',
    '## Whole local system: fan-out',
    '## Whole local system: throughput and memory',
  ]) {
    expect(markdown).toContain(heading);
  }
});
