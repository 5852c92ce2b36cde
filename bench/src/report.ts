import type { ColdPathResult } from './coldPath';
import type { ColdStartResult } from './coldStart';
import type { FanOutResult } from './fanOut';
import { ADMITTED_AT_ONCE, GATEWAY_ONLY_TARGETS, type GatewayOnlyResults, STITCH_GATEWAY, STOCK_GATEWAY } from './gatewayOnly/gatewayOnlyScenario';
import type { StitchInProcessResult } from './gatewayOnly/stitchInProcess';
import type { OverheadResult } from './overhead';
import { THROUGHPUT_ITEMS } from './queries';
import { CONNECTIONS, type ThroughputResult } from './throughput';

export interface BenchResults {
  quick: boolean;
  date: string;
  /** `loadAverage`: the machine's 1, 5 and 15 minute load averages at the end of the run. */
  machine: { cores: number; cpu: string; node: string; platform: string; loadAverage?: number[] };
  durationSeconds: number;
  /** The gateway alone, on in-memory subgraphs; absent with `--cold-start-only`. */
  gatewayOnly?: GatewayOnlyResults;
  /** The rest: the deployed bundles and the whole local system (empty in a `--gateway-only` run). */
  coldStart: ColdStartResult[];
  /** The first query through a cold gateway and cold subgraphs, against the same warm; per Node. */
  coldPath?: ColdPathResult[];
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

const ratio = (value: number, base: number | undefined) => (base ? `${Math.round((value / base) * 100) / 100}×` : 'n/a');
// What one dedicated CPU would serve, from the gateway's CPU time per answer: steadier than requests/s on a shared machine.
const perCpuSecond = (ms: number | null | undefined, stockMs: number | null | undefined) =>
  ms ? `${Math.round(1000 / ms)}${stockMs ? ` (${ratio(stockMs, ms)})` : ''}` : 'n/a';
const percent = (part: number, whole: number) => (whole ? `${Math.round((part / whole) * 1000) / 10} %` : '');

/** The overhead figures, one row each; a row `held` to its target shows it and the verdict. */
function overheadTable(firstColumn: string, rows: OverheadResult[], held: (row: OverheadResult) => boolean = () => true): string {
  return table(
    [firstColumn, 'requests each', 'direct p50 / p99 ms', 'gateway p50 / p99 ms', 'overhead p50 ms', 'overhead p99 ms', 'target', ''],
    rows.map((row) => [
      row.engine,
      row.requests,
      `${row.directP50Ms} / ${row.directP99Ms}`,
      `${row.gatewayP50Ms} / ${row.gatewayP99Ms}`,
      row.p50Ms,
      row.p99Ms,
      held(row) ? `≤ ${row.target.p50Ms} ms p50${row.target.p99Ms === undefined ? '' : `, ≤ ${row.target.p99Ms} ms p99`}` : '',
      held(row) ? verdict(row.met) : '',
    ]),
  );
}

/** The stitching library alone, in process, when it was measured. */
function renderStitchInProcess(result: StitchInProcessResult | undefined): string[] {
  if (!result) return [];
  return [
    '## The stitching library alone, in process',
    `The stitched schema our stitch engine builds (@graphql-tools/federation, batched), executing the storefront query in the bench's own process against executors that hand back each subgraph's answer as a fresh parse of its JSON: no HTTP, Apollo Server, signing or logging, one query at a time, every answer checked against the gateways'. ` +
      `${result.queries} queries after as many to warm up; CPU time of all threads, GC included. The floor is graphql-js executing the same query over the finished data.`,
    '',
    table(
      ['subgraph calls per query', 'stitched: CPU ms per answer', 'GC share of its wall time', 'floor: CPU ms per answer'],
      [[result.subgraphCalls, result.stitchedCpuMs, percent(result.gcShare, 1), result.floorCpuMs]],
    ),
    '',
  ];
}

/** The gateway-only scenario's sections. */
function renderGatewayOnly(scenario: GatewayOnlyResults): string[] {
  const stock = scenario.throughput.find((row) => row.name === STOCK_GATEWAY);
  // Both stitch rows are held to the targets; the issue's verdict is the default row's.
  const isStitch = (name: string) => name.startsWith(STITCH_GATEWAY);
  const calls = scenario.subgraphCalls.map((row) => `${row.gateway} ${row.total} (${counts(row.bySubgraph)})`).join('; ');
  const lines = [
    '## The gateway alone: throughput and memory',
    `Four subgraphs (accounts, products, inventory, reviews) answer from memory, each in its own process through the kit's subgraph handler (every call's signature checked); ${scenario.placement}. ` +
      `autocannon, ${scenario.connections} connections, the storefront query (\`bench/src/gatewayOnly/shopQueries.ts\`: entity joins on lists over all four subgraphs, a ${Math.round(scenario.answerBytes / 1024)} KB answer). ` +
      `Every gateway must give the stock gateway's data, and every answer must equal its first, byte for byte: requests/s counts correct answers only. ` +
      `${scenario.rounds} round${scenario.rounds === 1 ? '' : 's'} of ${scenario.secondsPerRound} s per gateway, taken in turn; each row is its median round. ` +
      'Our gateway logs a line per subgraph call (INFO, as deployed) and signs every call; the stock gateway signs too. ' +
      `Our gateway works on a bounded number of requests at once (admission control, MAX_CONCURRENT_REQUESTS at its default; the rest wait their turn), the stock gateway on every one it has; \`${STITCH_GATEWAY}, ${ADMITTED_AT_ONCE} at once\` is the same stitch gateway with MAX_CONCURRENT_REQUESTS=${ADMITTED_AT_ONCE}. ` +
      'Peak RSS and CPU time (all threads, GC included) are the gateway process’s alone; ' +
      'answers per CPU-second (1000 ÷ CPU ms per answer) is what one dedicated CPU would serve, which other work on a shared machine disturbs less than requests/s.',
    '',
    table(
      ['gateway', 'requests/s', 'vs stock', 'target', '', 'latency p50 / p99 ms', 'p99 target', '', 'peak RSS MiB', 'target', '', 'CPU ms per answer', 'answers per CPU-second (vs stock)', 'requests', 'failures', 'requests/s by round'],
      scenario.throughput.map((row) => {
        // Held to the stock gateway only when it answered at all.
        const target = isStitch(row.name) && stock?.requestsPerSecond ? stock : undefined;
        const throughputMet = target ? row.requestsPerSecond >= GATEWAY_ONLY_TARGETS.throughputRatio * target.requestsPerSecond : undefined;
        const memoryMet = stock?.peakRssMiB != null && row.peakRssMiB != null ? row.peakRssMiB <= stock.peakRssMiB : undefined;
        return [
          row.name,
          row.requestsPerSecond,
          ratio(row.requestsPerSecond, stock?.requestsPerSecond),
          target ? `≥ ${GATEWAY_ONLY_TARGETS.throughputRatio}×` : '',
          target ? verdict(throughputMet) : '',
          `${row.latencyP50Ms} / ${row.latencyP99Ms}`,
          target ? `≤ ${target.latencyP99Ms}` : '',
          target ? verdict(row.latencyP99Ms <= target.latencyP99Ms) : '',
          row.peakRssMiB ?? 'n/a',
          target ? `≤ ${target.peakRssMiB ?? 'n/a'}` : '',
          target ? verdict(memoryMet) : '',
          row.cpuMsPerRequest ?? 'n/a',
          perCpuSecond(row.cpuMsPerRequest, stock?.cpuMsPerRequest),
          row.requests,
          row.failures,
          row.roundsRequestsPerSecond.join(', '),
        ];
      }),
    ),
    '',
    `Subgraph requests per storefront query: ${calls}.`,
    '',
    ...renderStitchInProcess(scenario.stitchInProcess),
    '## The gateway alone: overhead of a one-subgraph query',
    'The same query for the products subgraph alone, sent to it directly (signed, as a gateway would) and through each gateway, warm, one at a time, alternating; the difference of the percentiles.',
    '',
    overheadTable('gateway', scenario.overhead, (row) => isStitch(row.engine)),
    '',
  ];
  for (const profile of scenario.profiles ?? []) {
    const { summary } = profile;
    const perAnswer = (ms: number) => (profile.requests ? Math.round((ms / profile.requests) * 100) / 100 : 'n/a');
    lines.push(
      `## Where ${profile.gateway} spends its CPU`,
      `Self time sampled by the inspector under the same load: ${summary.totalMs} ms on the CPU for ${profile.requests} correct answers, **${profile.cpuMsPerRequest} ms per answer** (idle ${summary.idleMs} ms left out).`,
      '',
      table(
        ['package', 'ms per answer', 'share'],
        summary.top.map((entry) => [entry.origin, perAnswer(entry.ms), percent(entry.ms, summary.totalMs)]),
      ),
      '',
      table(
        ['function', 'package', 'ms per answer', 'share'],
        (summary.topFunctions ?? []).map((entry) => [`\`${entry.name}\``, entry.origin, perAnswer(entry.ms), percent(entry.ms, summary.totalMs)]),
      ),
      '',
    );
  }
  const { soak } = scenario;
  if (soak) {
    lines.push(
      '## The gateway alone: memory over a soak',
      `${soak.name} under the same load for ${soak.seconds} s, its resident set (VmRSS) read every ${soak.sampleSeconds} s; the first ${soak.warmUpSeconds} s are the warm-up. ` +
        `Flat: the mean of each ${soak.windowSeconds} s after the warm-up within ±${GATEWAY_ONLY_TARGETS.soakTolerance * 100} % of the first such mean (no climb with the requests served). ` +
        `Single samples swing with each garbage collection; whether every one stayed within ±${GATEWAY_ONLY_TARGETS.soakTolerance * 100} % of their median is shown too.`,
      '',
      table(
        ['gateway', 'seconds', 'requests/s', 'failures', 'RSS after warm-up: first / last MiB', 'min / median / max MiB', 'every sample within ±10 %', `${soak.windowSeconds} s means MiB`, 'target', ''],
        [
          [
            soak.name,
            soak.seconds,
            soak.requestsPerSecond,
            soak.failures,
            `${soak.firstMiB} / ${soak.lastMiB}`,
            `${soak.minMiB} / ${soak.medianMiB} / ${soak.maxMiB}`,
            soak.everySampleWithin ? 'yes' : 'no',
            soak.windowMeansMiB.join(', '),
            `±${GATEWAY_ONLY_TARGETS.soakTolerance * 100} %`,
            verdict(soak.flat),
          ],
        ],
      ),
      '',
      `RSS samples (s: MiB): ${soak.samples.map((point) => `${Math.round(point.atSeconds)}: ${point.rssMiB}`).join(', ')}.`,
      '',
    );
  }
  return lines;
}

/** The results as the markdown of bench/RESULTS.md. */
export function renderResults(results: BenchResults): string {
  const { machine } = results;
  const baseline = results.throughput.find((row) => row.name.startsWith('baseline'));
  const wholeSystem = results.coldStart.length > 0 || results.throughput.length > 0;
  const lines = [
    `# Benchmark results${results.quick ? ' (quick run: too short to quote)' : ''}`,
    '',
    `\`npm run bench\`${results.quick ? ' --quick' : ''} on ${results.date.slice(0, 10)}: ${machine.cores} cores (${machine.cpu}), Node ${machine.node}, ${machine.platform}; the whole run took ${results.durationSeconds} s` +
      `${machine.loadAverage ? `; load average at the end ${machine.loadAverage.join(', ')} (other work on the machine shows here)` : ''}.`,
    'Every figure is measured side by side with its baseline in the same run. How each is measured: the README’s [Benchmarks](../README.md#benchmarks) and the comments in `bench/src/`.',
    '',
    ...(results.gatewayOnly ? renderGatewayOnly(results.gatewayOnly) : []),
    ...(wholeSystem ? renderWholeSystem(results, baseline) : []),
  ];
  return lines.join('\n');
}

/** The deployed bundles' cold starts and the whole local system's figures. */
function renderWholeSystem(results: BenchResults, baseline: ThroughputResult | undefined): string[] {
  return [
    '## Cold start of each deployed bundle',
    'A fresh Node process loads the function as Lambda does (`loader.handler`: the loader compiles the bundle with the V8 code cache the build made for this Node) and answers its first query through the Lambda handler; ' +
      'median of the runs, as a ratio to a bare `node -e 0` of the same Node binary, every Node and every bundle interleaved in each round. Every answer is checked, and so is that the cache was used. ' +
      'The gateway reads a supergraph composed at deploy time (the registry’s supergraph parameter); the rows composing at cold start are for reference. ' +
      'The Lambda runtime is Node 24 on arm64; here both Nodes run on this machine’s CPU.',
    '',
    table(
      ['bundle', 'Node', 'runs', 'median ms', 'min ms', 'ratio to bare node', 'target', ''],
      results.coldStart.map((row) => [row.name, row.node, row.runs, row.medianMs, row.minMs, `${row.ratio}×`, row.target ? `≤ ${row.target}×` : 'baseline / for reference', verdict(row.met)]),
    ),
    '',
    ...(results.coldPath?.length
      ? [
          '## The cold path a user feels',
          'The first query a user sends (the nested query: articles, their authors, their comments and the comments’ authors) to a gateway that has not run yet, whose subgraphs have not run either: ' +
            'each function served as Lambda serves it, a request going to an idle instance or to a new process started for it (a cold start: Node, the loader, the bundle, the first request), ' +
            'against the same query once every function is warm (median of 5 per round). Each round starts everything cold; every answer is checked.',
          '',
          table(
            ['Node', 'rounds', 'first query, all cold: median ms', 'min ms', 'same query warm: ms', 'cold ÷ warm', 'instances started for it'],
            results.coldPath.map((row) => [row.node, row.rounds, row.coldMedianMs, row.coldMinMs, row.warmMedianMs, `${row.ratio}×`, counts(row.coldStarts)]),
          ),
          '',
        ]
      : []),
    ...results.coldStart.flatMap((row) =>
      row.profile
        ? [`### Where the ${row.name} cold start spends its time`, `Self time under \`node --cpu-prof\` (${row.profile.totalMs} ms sampled), by package:`, '', table(['package or file', 'ms'], row.profile.top.map((entry) => [entry.origin, entry.ms])), '']
        : [],
    ),
    '## Whole local system: gateway overhead',
    'The deployed gateway bundle in front of the real subgraphs on the local DynamoDB store (dynalite). The same single-subgraph query sent to the articles subgraph directly and through the gateway, warm, one at a time, alternating; the difference of the percentiles.',
    '',
    overheadTable('engine', results.overhead),
    '',
    '## Whole local system: fan-out',
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
    '## Whole local system: throughput and memory',
    `autocannon, ${results.throughput[0]?.connections ?? CONNECTIONS} connections, the nested query with N = ${THROUGHPUT_ITEMS}, through the deployed gateway bundle to the real subgraphs on the one in-process DynamoDB server (dynalite): every gateway is bound by that server, so this measures the whole local system, not the gateway (see “The gateway alone” for that). ` +
      'Every answer checked against the first; requests/s counts correct answers only. Peak RSS of the gateway process, with requests queued behind the store.',
    '',
    table(
      ['gateway', 'requests/s', 'vs baseline', 'target', '', 'latency p50 / p99 ms', 'requests', 'failures', 'peak RSS MiB', 'target', ''],
      results.throughput.map((row) => {
        const isBaseline = row === baseline;
        const toBaseline = baseline?.requestsPerSecond ? row.requestsPerSecond / baseline.requestsPerSecond : undefined;
        const memoryMet = baseline?.peakRssMiB != null && row.peakRssMiB != null ? row.peakRssMiB < baseline.peakRssMiB : undefined;
        return [
          row.name,
          row.requestsPerSecond,
          ratio(row.requestsPerSecond, baseline?.requestsPerSecond),
          isBaseline ? '' : '≥ 3×',
          isBaseline ? '' : verdict(toBaseline === undefined ? undefined : toBaseline >= 3),
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
}
