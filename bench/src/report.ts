import type { ColdStartResult } from './coldStart';
import type { FanOutResult } from './fanOut';
import type { OverheadResult } from './overhead';
import { CONNECTIONS, THROUGHPUT_ITEMS, type ThroughputResult } from './throughput';

export interface BenchResults {
  quick: boolean;
  date: string;
  machine: { cores: number; cpu: string; node: string; platform: string };
  durationSeconds: number;
  coldStart: ColdStartResult[];
  overhead: OverheadResult[];
  fanOut: FanOutResult[];
  throughput: ThroughputResult[];
}

const verdict = (met: boolean | undefined) => (met === undefined ? '' : met ? 'met' : '**not met**');
const table = (head: string[], rows: (string | number)[][]) =>
  [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
const counts = (record: Record<string, number>) =>
  Object.entries(record)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => `${key.replace(/Command$/, '')} ${value}`)
    .join(', ');

/** The results as the markdown of bench/RESULTS.md. */
export function renderResults(results: BenchResults): string {
  const { machine } = results;
  const baseline = results.throughput.find((row) => row.name.startsWith('baseline'));
  const lines = [
    `# Benchmark results${results.quick ? ' (quick run: too short to quote)' : ''}`,
    '',
    `\`npm run bench\`${results.quick ? ' --quick' : ''} on ${results.date.slice(0, 10)}: ${machine.cores} cores (${machine.cpu}), Node ${machine.node}, ${machine.platform}; the whole run took ${results.durationSeconds} s.`,
    'Every figure is measured side by side with its baseline in the same run. How each is measured: the README’s [Benchmarks](../README.md#benchmarks) and the comments in `bench/src/`.',
    '',
    '## Cold start of each deployed bundle',
    'A fresh Node process loads the bundle the CDK app deploys and answers its first query through the Lambda handler; median of the runs, as a ratio to a bare `node -e 0`.',
    '',
    table(
      ['bundle', 'runs', 'median ms', 'min ms', 'ratio to bare node', 'target', ''],
      results.coldStart.map((row) => [row.name, row.runs, row.medianMs, row.minMs, `${row.ratio}×`, row.target ? `≤ ${row.target}×` : 'baseline / for reference', verdict(row.met)]),
    ),
    '',
    ...results.coldStart.flatMap((row) =>
      row.profile
        ? [`### Where the ${row.name} cold start spends its time`, `Self time under \`node --cpu-prof\` (${row.profile.totalMs} ms sampled), by package:`, '', table(['package or file', 'ms'], row.profile.top.map((entry) => [entry.origin, entry.ms])), '']
        : [],
    ),
    '## Gateway overhead',
    'The same single-subgraph query sent to the articles subgraph directly and through the gateway, warm, one at a time, alternating; the difference of the percentiles.',
    '',
    table(
      ['engine', 'requests each', 'direct p50 / p99 ms', 'gateway p50 / p99 ms', 'overhead p50 ms', 'overhead p99 ms', 'target', ''],
      results.overhead.map((row) => [row.engine, row.requests, `${row.directP50Ms} / ${row.directP99Ms}`, `${row.gatewayP50Ms} / ${row.gatewayP99Ms}`, row.p50Ms, row.p99Ms, '≤ 1 ms p50, ≤ 5 ms p99', verdict(row.met)]),
    ),
    '',
    '## Fan-out',
    'Requests the subgraphs received and DynamoDB calls they made for `articles(first: N) { nodes { author { name } comments { nodes { author { name } } } } }`.',
    '',
    table(
      ['engine', 'N', 'subgraph requests', 'by subgraph', 'target', '', 'DynamoDB calls', 'by command', 'target', ''],
      results.fanOut.map((row) => [
        row.engine,
        row.n,
        row.subgraphRequests,
        counts(row.requestsBySubgraph),
        '≤ 4',
        verdict(row.requestsMet),
        row.dynamodbCalls,
        counts(row.dynamodbByCommand),
        'N = 1 × ⌈N/100⌉',
        verdict(row.dynamodbMet),
      ]),
    ),
    '',
    '## Throughput and memory',
    `autocannon, ${CONNECTIONS} connections, the nested query with N = ${THROUGHPUT_ITEMS}; every answer checked against the first; requests/s counts correct answers only. Peak RSS of the gateway process during the run.`,
    '',
    table(
      ['gateway', 'requests/s', 'vs baseline', 'target', '', 'latency p50 / p99 ms', 'requests', 'failures', 'peak RSS MiB', 'target', ''],
      results.throughput.map((row) => {
        const isBaseline = row === baseline;
        const ratio = baseline ? row.requestsPerSecond / baseline.requestsPerSecond : Number.NaN;
        const memoryMet = baseline?.peakRssMiB != null && row.peakRssMiB != null ? row.peakRssMiB < baseline.peakRssMiB : undefined;
        return [
          row.name,
          row.requestsPerSecond,
          `${Math.round(ratio * 100) / 100}×`,
          isBaseline ? '' : '≥ 3×',
          isBaseline ? '' : verdict(ratio >= 3),
          `${row.latencyP50Ms} / ${row.latencyP99Ms}`,
          row.requests,
          row.failures,
          row.peakRssMiB ?? 'n/a',
          isBaseline ? '' : '< baseline',
          isBaseline ? '' : verdict(memoryMet),
        ];
      }),
    ),
    '',
  ];
  return lines.join('\n');
}
