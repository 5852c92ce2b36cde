// The gateway-only scenario: four in-memory subgraphs (each in its own process,
// through the kit's real subgraph handler, signatures checked), our gateway in each
// engine and a stock @apollo/gateway in front of them, each gateway pinned to one
// CPU; the subgraphs and the load generator get the other CPUs. The subgraphs answer
// from memory, so the gateway's own cost is what limits the throughput.
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';

import { composeSupergraph } from '@bff/gateway/compose';
import { subgraphsHash } from '@bff/gateway/subgraphsHash';
import type { Secrets } from '@bff/kit/core';
import autocannon from 'autocannon';

import type { GatewayReady, ProfileReply, ShopCountersReply, ShopSubgraphReady } from '../children/protocol';
import { postChecked } from '../http';
import { measureOverhead, type OverheadResult } from '../overhead';
import { type ProfileSummary, summarizeProfileFile } from '../profile';
import { affinityMask, ask, type BenchChild, forkChild, pinProcess, tasksetAvailable } from '../processes';
import { measureSoak, type SoakResult } from '../soak';
import { median, round } from '../stats';
import { autocannonOptions, type LoadOptions, measureThroughput, type ThroughputResult, warmUp } from '../throughput';
import { ONE_SUBGRAPH_QUERY, STOREFRONT_QUERY } from './shopQueries';
import { SHOP_SUBGRAPH_NAMES, shopSdl } from './shopSubgraphs';
import { measureStitchInProcess, type StitchInProcessResult } from './stitchInProcess';

export interface GatewayOnlyPlan {
  /** Measured seconds of load per gateway in each round. */
  seconds: number;
  /** Rounds, each loading every gateway once in turn; the median round is reported. */
  rounds: number;
  connections: number;
  /** Sequential requests each way for the one-subgraph overhead. */
  overheadRequests: number;
  /** CPU-profile each gateway under the same load, for this many seconds (a separate run: profiling slows it); 0: none. */
  profileSeconds: number;
  /** Seconds of load on the stitch gateway while its memory is sampled; 0: no soak. */
  soakSeconds: number;
  soakSampleSeconds: number;
  /** Storefront queries through the stitching library alone, in this process (as many again to warm up); 0: none. */
  inProcessQueries: number;
}

export interface GatewayOnlyThroughput extends ThroughputResult {
  /** Correct answers per second in each round; the row's other figures are the median round's. */
  roundsRequestsPerSecond: number[];
}

export interface GatewayProfile {
  gateway: string;
  /** Correct answers during the profiled run. */
  requests: number;
  /** Sampled CPU time per answer, in ms. */
  cpuMsPerRequest: number;
  summary: ProfileSummary;
}

export interface GatewayOnlyResults {
  /** How the processes were placed on the CPUs. */
  placement: string;
  connections: number;
  rounds: number;
  secondsPerRound: number;
  /** The checked answer to the storefront query, in bytes. */
  answerBytes: number;
  /** Requests the subgraphs received for one storefront query, by gateway. */
  subgraphCalls: { gateway: string; total: number; bySubgraph: Record<string, number> }[];
  /** Ours in each engine, then the stock gateway (the baseline). */
  throughput: GatewayOnlyThroughput[];
  overhead: OverheadResult[];
  profiles?: GatewayProfile[];
  soak?: SoakResult;
  /** The stitching library alone, in process: its own CPU per answer. */
  stitchInProcess?: StitchInProcessResult;
}

export const STOCK_GATEWAY = 'stock @apollo/gateway';
/** The stitch engine as configured by default: the row the targets are judged on. */
export const STITCH_GATEWAY = 'gateway (stitch)';
/** Requests our gateway works on at once in the extra stitch row (MAX_CONCURRENT_REQUESTS; the default is 32). */
export const ADMITTED_AT_ONCE = 8;

/**
 * Ours in each engine at their defaults, and the stitch engine once more admitting
 * fewer requests at once: every request in flight keeps its subgraph answers and
 * pending promises alive through each scavenge, so under load fewer at once means
 * less copied per GC and a smaller heap (in Lambda an instance takes one at a time).
 */
const OUR_GATEWAYS: { name: string; engine: 'stitch' | 'apollo'; env?: NodeJS.ProcessEnv }[] = [
  { name: STITCH_GATEWAY, engine: 'stitch' },
  { name: `gateway (stitch), ${ADMITTED_AT_ONCE} at once`, engine: 'stitch', env: { MAX_CONCURRENT_REQUESTS: String(ADMITTED_AT_ONCE) } },
  { name: 'gateway (apollo)', engine: 'apollo' },
];
/** What the issue asks of the stitch engine against the stock gateway. */
export const GATEWAY_ONLY_TARGETS = { throughputRatio: 1.5, overheadP50Ms: 2, soakTolerance: 0.1 };

interface Context {
  /** The folder of the built bench entries. */
  built: string;
  workDir: string;
  /** Secrets and quiet settings every process gets. */
  env: NodeJS.ProcessEnv;
  /** The same secrets, for the requests this process signs. */
  secrets: Pick<Secrets, 'authSecrets'>;
  log: (line: string) => void;
}

/** The gateway on CPU 0, everything else on the rest, where taskset exists and there are two CPUs or more. */
function placement(): { gateway: string; others: string } | undefined {
  const count = cpus().length;
  if (count < 2 || !tasksetAvailable()) return undefined;
  return { gateway: '0', others: count === 2 ? '1' : `1-${count - 1}` };
}

/** The first place two JSON values differ, for an error that says where. */
function firstDifference(a: unknown, b: unknown, path = '$'): string | undefined {
  if (isDeepStrictEqual(a, b)) return undefined;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const found = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`);
      if (found) return found;
    }
  }
  return `${path}: ${JSON.stringify(a)?.slice(0, 200)} ≠ ${JSON.stringify(b)?.slice(0, 200)}`;
}

/** Runs the scenario; every process it starts is stopped before it returns. */
export async function runGatewayOnly({ built, workDir, env, secrets, log }: Context, plan: GatewayOnlyPlan): Promise<GatewayOnlyResults> {
  const stops: (() => Promise<void>)[] = [];
  const cpuPlan = placement();
  const ownMask = cpuPlan ? affinityMask(process.pid) : undefined;
  try {
    // The load generator (this process) stays off the gateway's CPU.
    if (cpuPlan) pinProcess(process.pid, { cpus: cpuPlan.others });
    log(`gateway-only: starting the ${SHOP_SUBGRAPH_NAMES.join(', ')} subgraphs (in memory, one process each)…`);
    const subgraphEnv = { ...env, NODE_ENV: 'production', POWERTOOLS_LOG_LEVEL: 'WARN' };
    const subgraphs = await Promise.all(
      SHOP_SUBGRAPH_NAMES.map((name) => forkChild<ShopSubgraphReady>(join(built, 'shopSubgraph.js'), [name], subgraphEnv, { cpus: cpuPlan?.others })),
    );
    stops.push(...subgraphs.map((subgraph) => subgraph.stop));
    const entries = subgraphs.map(({ ready }) => ({ name: ready.name, url: ready.url, sdl: shopSdl(ready.name as (typeof SHOP_SUBGRAPH_NAMES)[number]) }));
    // Composed ahead, as a deployed gateway finds it in the registry.
    const registryFile = join(workDir, 'gateway-only-registry.json');
    writeFileSync(registryFile, JSON.stringify({ subgraphs: entries, supergraph: { supergraphSdl: composeSupergraph(entries), subgraphsHash: subgraphsHash(entries) } }));

    // Logging on, at the level the stacks deploy: a log line per subgraph call is part of what ours costs.
    const gatewayEnv = { ...env, NODE_ENV: 'production', POWERTOOLS_LOG_LEVEL: 'INFO' };
    const gateways: { name: string; bundle: string; child: BenchChild<GatewayReady> }[] = [];
    for (const variant of OUR_GATEWAYS) {
      const bundle = join(built, 'gatewayHandler.js');
      log(`gateway-only: starting our ${variant.name}…`);
      const child = await forkChild<GatewayReady>(bundle, [registryFile], { ...gatewayEnv, GATEWAY_ENGINE: variant.engine, ...variant.env }, { cpus: cpuPlan?.gateway });
      stops.push(child.stop);
      gateways.push({ name: variant.name, bundle, child });
    }
    log(`gateway-only: starting the ${STOCK_GATEWAY} (IntrospectAndCompose, @apollo/server standalone)…`);
    const stockBundle = join(built, 'baselineGateway.js');
    const stock = await forkChild<GatewayReady>(stockBundle, [], { ...gatewayEnv, BENCH_SUBGRAPHS: JSON.stringify(entries.map(({ name, url }) => ({ name, url }))) }, { cpus: cpuPlan?.gateway });
    stops.push(stock.stop);
    gateways.push({ name: STOCK_GATEWAY, bundle: stockBundle, child: stock });

    // Every gateway must give the stock gateway's data; each then has its exact text checked on every answer.
    const body = JSON.stringify({ query: STOREFRONT_QUERY });
    const expected = new Map<string, string>();
    for (const gateway of [...gateways].reverse()) expected.set(gateway.name, await postChecked(gateway.child.ready.url, body));
    const reference = JSON.parse(expected.get(STOCK_GATEWAY)!) as unknown;
    for (const [name, text] of expected) {
      const difference = firstDifference(JSON.parse(text), reference);
      if (difference) throw new Error(`gateway-only: ${name} answers differently from the ${STOCK_GATEWAY}: ${difference}`);
    }
    const answerBytes = Buffer.byteLength(expected.get(STOCK_GATEWAY)!);
    log(`gateway-only: every gateway gives the same ${Math.round(answerBytes / 1024)} KB answer`);

    // While the gateways are idle: the library's own cost, which the machine's other work disturbs least.
    let stitchInProcess: StitchInProcessResult | undefined;
    if (plan.inProcessQueries > 0) {
      log(`gateway-only: the stitching library alone, in process, ${plan.inProcessQueries} storefront queries…`);
      stitchInProcess = await measureStitchInProcess(STOREFRONT_QUERY, expected.get(STOCK_GATEWAY)!, plan.inProcessQueries);
    }

    const counts = async (reset: boolean) =>
      Promise.all(subgraphs.map(async ({ child, ready }) => [ready.name, (await ask<ShopCountersReply>(child, { type: 'counters', reset }, 'counters')).requests] as const));
    // A gateway keeps working on the requests it accepted after autocannon stops: the next figure waits for them.
    const settled = async () => {
      await counts(true);
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        if ((await counts(true)).every(([, requests]) => requests === 0)) return;
      }
    };

    const subgraphCalls = [];
    for (const gateway of gateways) {
      await counts(true);
      await postChecked(gateway.child.ready.url, body);
      const bySubgraph = Object.fromEntries(await counts(true));
      subgraphCalls.push({ gateway: gateway.name, total: Object.values(bySubgraph).reduce((sum, count) => sum + count, 0), bySubgraph });
    }

    const load = (gateway: (typeof gateways)[number], seconds: number): LoadOptions & { expected: string } => ({
      name: gateway.name,
      url: gateway.child.ready.url,
      pid: gateway.child.child.pid!,
      body,
      seconds,
      connections: plan.connections,
      expected: expected.get(gateway.name)!,
    });

    // Rounds, each gateway in turn: a noisy moment of the machine spreads over all of them.
    const rounds = new Map<string, ThroughputResult[]>(gateways.map((gateway) => [gateway.name, []]));
    for (let round = 0; round < plan.rounds; round++) {
      for (const gateway of gateways) {
        log(`gateway-only: round ${round + 1}/${plan.rounds}, ${gateway.name}, ${plan.connections} connections for ${plan.seconds} s (machine load ${loadavg()[0]!.toFixed(1)})…`);
        rounds.get(gateway.name)!.push(await measureThroughput(load(gateway, plan.seconds), { warmUpFirst: round === 0, before: settled }));
        await settled();
      }
    }
    const throughput = gateways.map(({ name }): GatewayOnlyThroughput => {
      const results = rounds.get(name)!;
      const byRate = [...results].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
      const middle = byRate[Math.floor((byRate.length - 1) / 2)]!;
      const peaks = results.flatMap((result) => (result.peakRssMiB === null ? [] : [result.peakRssMiB]));
      const cpu = results.flatMap((result) => (result.cpuMsPerRequest == null ? [] : [result.cpuMsPerRequest]));
      return {
        ...middle,
        requests: results.reduce((sum, result) => sum + result.requests, 0),
        failures: results.reduce((sum, result) => sum + result.failures, 0),
        peakRssMiB: peaks.length ? Math.max(...peaks) : null,
        cpuMsPerRequest: cpu.length ? round(median(cpu)) : null,
        roundsRequestsPerSecond: results.map((result) => result.requestsPerSecond),
      };
    });

    const overhead: OverheadResult[] = [];
    const products = entries.find((entry) => entry.name === 'products')!.url;
    for (const gateway of gateways) {
      log(`gateway-only: one-subgraph overhead through ${gateway.name}, ${plan.overheadRequests} requests each way…`);
      overhead.push(
        await measureOverhead({
          engine: gateway.name,
          gatewayUrl: gateway.child.ready.url,
          subgraphUrl: products,
          query: ONE_SUBGRAPH_QUERY,
          requests: plan.overheadRequests,
          target: { p50Ms: GATEWAY_ONLY_TARGETS.overheadP50Ms },
          secrets,
        }),
      );
    }

    let profiles: GatewayProfile[] | undefined;
    if (plan.profileSeconds > 0) {
      profiles = [];
      for (const gateway of gateways) {
        log(`gateway-only: CPU profile of ${gateway.name} under the same load for ${plan.profileSeconds} s…`);
        const file = join(workDir, `${gateway.name.replace(/[^a-z0-9]+/gi, '-')}.cpuprofile`);
        const options = load(gateway, plan.profileSeconds);
        await warmUp(options, options.expected, 1);
        await settled();
        await ask<ProfileReply>(gateway.child.child, { type: 'profile', action: 'start' }, 'profile');
        const result = await autocannon({ ...autocannonOptions(options, options.expected), duration: plan.profileSeconds });
        await ask<ProfileReply>(gateway.child.child, { type: 'profile', action: 'stop', file }, 'profile');
        await settled();
        const correct = Math.max(0, result.requests.total - result.errors - result.timeouts - result.non2xx - result.mismatches);
        const summary = summarizeProfileFile(file, [gateway.bundle]);
        profiles.push({ gateway: gateway.name, requests: correct, cpuMsPerRequest: correct ? round(summary.totalMs / correct) : Number.NaN, summary });
      }
    }

    let soak: SoakResult | undefined;
    if (plan.soakSeconds > 0) {
      const stitch = gateways[0]!;
      log(`gateway-only: soak, ${stitch.name} under load for ${plan.soakSeconds} s, memory every ${plan.soakSampleSeconds} s…`);
      soak = await measureSoak(load(stitch, plan.soakSeconds), plan.soakSampleSeconds);
      await settled();
    }

    return {
      placement: cpuPlan
        ? `each gateway pinned to CPU ${cpuPlan.gateway} (taskset); the subgraphs and the load generator on CPU ${cpuPlan.others}`
        : 'nothing pinned (no taskset, or one CPU)',
      connections: plan.connections,
      rounds: plan.rounds,
      secondsPerRound: plan.seconds,
      answerBytes,
      subgraphCalls,
      throughput,
      overhead,
      ...(profiles ? { profiles } : {}),
      ...(soak ? { soak } : {}),
      ...(stitchInProcess ? { stitchInProcess } : {}),
    };
  } finally {
    for (const stop of stops.reverse()) await stop();
    if (ownMask) pinProcess(process.pid, { mask: ownMask });
  }
}
