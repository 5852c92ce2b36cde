// `npm run bench`: every figure of the performance targets in one run, side by
// side with its baseline measured in the same run, written to bench/RESULTS.md and
// bench/results.json. First the gateway-only scenario (in-memory subgraphs, the
// gateway pinned to one CPU: the gateway's own cost), then the whole local system
// (the deployed bundles on the local DynamoDB store). `--quick` runs each figure
// briefly (part of `npm test`, so the harness cannot rot) and writes to
// .build/bench/ instead; so do the partial runs (`--gateway-only`, the profiles).
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { findRepoRoot } from '@bff/infra/repoRoot';
import { supergraphParameterValue } from '@bff/infra/supergraphParameter';
import { SERVICE_LIST, serviceVariables } from '@bff/kit/catalogue';
import { readRuntimeSettings, Secrets } from '@bff/kit/core';
import { graphqlPostEvent } from '@bff/kit/local';

import { type ColdPathResult, measureColdPath, type PathFunction } from './coldPath';
import { type ColdStartCase, measureColdStarts } from './coldStart';
import { type DeployedBundle, synthDeployedBundles } from './deployedBundles';
import { measureFanOut } from './fanOut';
import { lambdaRuntimeNode, type MeasuredNode } from './lambdaNode';
import { closeHttp } from './http';
import { measureOverhead } from './overhead';
import { type GatewayOnlyPlan, runGatewayOnly } from './gatewayOnly/gatewayOnlyScenario';
import { drained, startGateway, startSubgraphs } from './processes';
import { nestedQuery, SINGLE_SUBGRAPH_QUERY, signedRequest, THROUGHPUT_ITEMS } from './queries';
import { renderResults, type BenchResults } from './report';
import { round } from './stats';
import { CONNECTIONS, measureThroughput, type ThroughputResult } from './throughput';

const ENGINES = ['stitch', 'apollo'] as const;
// Environment variables that point at AWS: the bench gives a registry file and plain calls instead.
const AWS_ONLY = new Set(['REGISTRY_SSM_PREFIX', 'UPSTREAM_SIGV4', 'AUTH_SECRET_ARN']);

const settings = (quick: boolean) =>
  quick
    ? { coldRuns: 2, coldPathRounds: 1, overheadRequests: 100, fanOutSizes: [1, 10, 100], throughputSeconds: 2 }
    : { coldRuns: 12, coldPathRounds: 6, overheadRequests: 2000, fanOutSizes: [1, 10, 100], throughputSeconds: 15 };

// A quick run profiles briefly too, so that the profile path cannot rot either.
const gatewayOnlySettings = (quick: boolean): Omit<GatewayOnlyPlan, 'connections'> =>
  quick
    ? { seconds: 3, rounds: 1, overheadRequests: 100, profileSeconds: 1, soakSeconds: 3, soakSampleSeconds: 0.5, inProcessQueries: 10 }
    : { seconds: 10, rounds: 3, overheadRequests: 2000, profileSeconds: 0, soakSeconds: 300, soakSampleSeconds: 5, inProcessQueries: 300 };

/** The URL variables of the services the services call (comments → articles), each set to that service's URL. */
const calledServiceUrls = (urlOf: (name: string) => string): Record<string, string> =>
  Object.fromEntries(SERVICE_LIST.flatMap((service) => service.calls).map((callee) => [serviceVariables(callee).urlEnv, urlOf(callee)]));

function wholeNumber(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw new Error(`--${name} takes a whole number, got "${value}"`);
  return number;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
      'cold-start-only': { type: 'boolean', default: false },
      'gateway-only': { type: 'boolean', default: false },
      'profile-gateway': { type: 'boolean', default: false },
      'soak-seconds': { type: 'string' },
      connections: { type: 'string' },
    },
  });
  const quick = values.quick ?? false;
  const coldStartOnly = values['cold-start-only'] ?? false;
  const profileGateway = values['profile-gateway'] ?? false;
  // A gateway profile is a diagnosis of the gateway-only scenario: the whole system is left out.
  const gatewayOnly = (values['gateway-only'] ?? false) || profileGateway;
  const plan = settings(quick);
  const gatewayOnlyDefaults = gatewayOnlySettings(quick);
  const gatewayOnlyPlan: GatewayOnlyPlan = {
    ...gatewayOnlyDefaults,
    // A profile run is a diagnosis: one round and a short overhead figure before the profiles.
    ...(profileGateway ? { rounds: 1, overheadRequests: Math.min(gatewayOnlyDefaults.overheadRequests, 200) } : {}),
    // A quick run on a busy machine would see no answer within its seconds from 50 connections.
    connections: wholeNumber('connections', values.connections, quick ? 10 : CONNECTIONS) || CONNECTIONS,
    profileSeconds: profileGateway ? gatewayOnlyDefaults.seconds : gatewayOnlyDefaults.profileSeconds,
    // The profile run measures time, not memory: no soak unless asked for.
    soakSeconds: wholeNumber('soak-seconds', values['soak-seconds'], profileGateway ? 0 : gatewayOnlyDefaults.soakSeconds),
  };
  const root = findRepoRoot();
  const built = join(root, '.build/bench');
  const started = performance.now();
  const log = (line: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${line}`);
  const workDir = mkdtempSync(join(tmpdir(), 'bff-bench-'));
  const stops: (() => Promise<void>)[] = [];

  try {
    log(`bench${quick ? ' --quick' : ''}: ${cpus().length} cores, Node ${process.version}`);
    // One set of secrets for every process, as one Secrets Manager secret would be.
    const secrets = {
      JWT_SECRET: randomBytes(32).toString('hex'),
      INTERNAL_SIGNING_SECRET: randomBytes(32).toString('hex'),
      CURSOR_SECRET: randomBytes(32).toString('hex'),
    };
    // The same keys, for the requests this process signs (as the gateway would).
    const keys = new Secrets(readRuntimeSettings({ ...secrets, NODE_ENV: 'production' }).secrets);
    const quiet = { POWERTOOLS_LOG_LEVEL: 'SILENT', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
    const baseEnv = { PATH: process.env.PATH, ...secrets, ...quiet };

    // --- the gateway alone ---
    const gatewayOnlyResults = coldStartOnly ? undefined : await runGatewayOnly({ built, workDir, env: baseEnv, secrets: keys, log }, gatewayOnlyPlan);
    if (gatewayOnly) {
      finish({ quick, partial: true, started, root, built, log, results: { coldStart: [], overhead: [], fanOut: [], throughput: [], ...(gatewayOnlyResults ? { gatewayOnly: gatewayOnlyResults } : {}) } });
      return;
    }

    // --- the whole local system ---
    // Cold starts on this Node and on the Lambda runtime's (nodejs24.x) where its binary runs here.
    const thisNode: MeasuredNode = { label: `Node ${process.version.replace(/^v/, '')}`, path: process.execPath };
    const runtimeNode = quick ? undefined : lambdaRuntimeNode(root, log, true);
    const nodes = runtimeNode ? [thisNode, runtimeNode] : [thisNode];
    log(`synthesizing the CDK app: the deployed bundles, the gateway once per engine, each with its code cache made by ${nodes.map((node) => node.label).join(' and ')}…`);
    const assemblies = nodes.map((node, index) => ({
      node,
      ...Object.fromEntries(
        ENGINES.map((engine) => [
          engine,
          synthDeployedBundles(join(workDir, `cdk.out.${engine}.${index}`), {
            // As a deploy builds them, with the cache made by this Node rather than in the Lambda runtime image.
            codeCache: 'local',
            codeCacheNode: node.path,
            ...(engine === 'apollo' ? { gatewayEngine: 'apollo' } : {}),
          }),
        ]),
      ),
    })) as ({ node: MeasuredNode } & Record<(typeof ENGINES)[number], Map<string, DeployedBundle>>)[];
    const bundleOn = (node: MeasuredNode, name: string, engine: (typeof ENGINES)[number] = 'stitch') => {
      const found = assemblies.find((assembly) => assembly.node === node)?.[engine].get(name);
      if (!found) throw new Error(`${name} is not in the cloud assembly`);
      return found;
    };
    // The rest of the bench runs on this Node.
    const bundle = (name: string, engine: (typeof ENGINES)[number] = 'stitch') => bundleOn(thisNode, name, engine);

    // Each service's table and its idempotency table, as the stacks name them in each function's environment.
    const tables = Object.fromEntries(
      SERVICE_LIST.flatMap((service) => [
        [service.table.env, `bench-${service.name}`],
        [service.idempotencyTable.env, `bench-${service.name}-idempotency`],
      ]),
    );

    log('starting the subgraphs and the local store with the bench data…');
    const subgraphs = await startSubgraphs(join(built, 'subgraphs.js'), { ...baseEnv, ...tables, NODE_ENV: 'production' });
    stops.push(subgraphs.stop);
    const { ready } = subgraphs;
    const env = { ...baseEnv, ...tables, DYNAMODB_ENDPOINT: ready.storeEndpoint };
    // The URLs of the services a service calls (comments → articles): CloudFormation references in the template, the local servers here.
    const calledUrls = calledServiceUrls((name) => ready.subgraphs.find((subgraph) => subgraph.name === name)!.url);
    const deployedEnv = (name: string, extra: Record<string, string> = {}, engine: (typeof ENGINES)[number] = 'stitch'): NodeJS.ProcessEnv => ({
      ...Object.fromEntries(Object.entries(bundle(name, engine).environment).filter(([key]) => !AWS_ONLY.has(key))),
      ...env,
      ...calledUrls,
      ...extra,
    });

    // The registry as the subgraph stacks write it (name, url, checked-in SDL), and
    // the same with the supergraph composed ahead of time beside it.
    const entries = SERVICE_LIST.map((service) => ({
      name: service.name,
      url: ready.subgraphs.find((subgraph) => subgraph.name === service.name)!.url,
      sdl: readFileSync(join(root, service.schemaFile), 'utf8'),
    }));
    const registryFile = join(workDir, 'registry.json');
    writeFileSync(registryFile, JSON.stringify({ subgraphs: entries }));
    const composedRegistryFile = join(workDir, 'registry-composed.json');
    // The supergraph as the deploy step writes it into the registry's parameter.
    writeFileSync(composedRegistryFile, JSON.stringify({ subgraphs: entries, supergraph: JSON.parse(supergraphParameterValue(entries).value) as unknown }));

    // --- cold start ---
    log(`cold start: ${plan.coldRuns} runs of each, interleaved…`);
    const signedEvent = async (query: string, variables: Record<string, unknown> = {}) => {
      const signed = await signedRequest(keys, query, variables);
      return graphqlPostEvent(signed.body, signed.headers);
    };
    const gatewayEvent = () => Promise.resolve(graphqlPostEvent(JSON.stringify({ query: nestedQuery(10) })));
    // The targets (#16): each subgraph within 4.5 times bare Node, the gateway within 10 times.
    const SUBGRAPH_TARGET = 4.5;
    const GATEWAY_TARGET = 10;
    const cases: ColdStartCase[] = nodes.flatMap((node): ColdStartCase[] => {
      const deployed = (name: string, engine: (typeof ENGINES)[number] = 'stitch') => ({
        handlerModule: bundleOn(node, name, engine).file,
        bundle: bundleOn(node, name, engine).bundle,
        codeCache: 'used' as const,
      });
      return [
        { name: 'bare node -e 0', node, env },
        {
          name: 'users',
          node,
          ...deployed('users-dev-graphql'),
          env: deployedEnv('users-dev-graphql'),
          event: () => signedEvent('query ($ids: [ID!]!) { users(ids: $ids) { id name } }', { ids: ready.userIds.slice(0, 3) }),
          target: SUBGRAPH_TARGET,
        },
        {
          name: 'articles',
          node,
          ...deployed('articles-dev-graphql'),
          env: deployedEnv('articles-dev-graphql'),
          event: () => signedEvent('{ articles(first: 10) { nodes { id title } } }'),
          target: SUBGRAPH_TARGET,
        },
        {
          name: 'comments',
          node,
          ...deployed('comments-dev-graphql'),
          env: deployedEnv('comments-dev-graphql'),
          event: () => signedEvent('query ($id: ID!) { commentsForArticle(articleId: $id, first: 10) { nodes { id body } } }', { id: ready.articleIds[0] }),
          target: SUBGRAPH_TARGET,
        },
        ...ENGINES.flatMap((engine): ColdStartCase[] => [
          {
            name: `gateway (${engine})`,
            node,
            ...deployed('gateway-dev-graphql', engine),
            // The supergraph composed at deploy time, as the registry's supergraph parameter holds it.
            env: deployedEnv('gateway-dev-graphql', { REGISTRY_FILE: composedRegistryFile }, engine),
            event: gatewayEvent,
            target: GATEWAY_TARGET,
          },
          {
            name: `gateway (${engine}), composing at cold start`,
            node,
            ...deployed('gateway-dev-graphql', engine),
            env: deployedEnv('gateway-dev-graphql', { REGISTRY_FILE: registryFile }, engine),
            event: gatewayEvent,
          },
        ]),
      ];
    });
    const coldStart = await measureColdStarts(cases, { runs: plan.coldRuns, runner: join(built, 'coldStartRunner.js'), workDir, log, profile: values.profile });

    // --- the cold path a user feels ---
    log(`the cold path: the first nested query through a cold gateway and cold subgraphs, ${plan.coldPathRounds} rounds on each Node…`);
    const coldPath: ColdPathResult[] = [];
    for (const node of nodes) {
      coldPath.push(
        await measureColdPath({
          node,
          runner: join(built, 'coldStartRunner.js'),
          names: ['gateway', ...SERVICE_LIST.map((service) => service.name)],
          configure: (urls) => {
            const pathEntries = entries.map((entry) => ({ ...entry, url: urls[entry.name]! }));
            const pathRegistry = join(workDir, `registry-cold-path-${nodes.indexOf(node)}.json`);
            writeFileSync(pathRegistry, JSON.stringify({ subgraphs: pathEntries, supergraph: JSON.parse(supergraphParameterValue(pathEntries).value) as unknown }));
            const fn = (name: string, functionName: string, extra: Record<string, string> = {}): PathFunction => ({
              name,
              handlerModule: bundleOn(node, functionName).file,
              // A service's URL of another: that function's endpoint here.
              env: { ...deployedEnv(functionName, extra), ...calledServiceUrls((name) => urls[name]!) },
            });
            return {
              gateway: fn('gateway', 'gateway-dev-graphql', { REGISTRY_FILE: pathRegistry }),
              ...Object.fromEntries(SERVICE_LIST.map((service) => [service.name, fn(service.name, `${service.name}-dev-graphql`)])),
            };
          },
          query: nestedQuery(10),
          rounds: plan.coldPathRounds,
          warmRequests: 5,
          log,
        }),
      );
    }

    // --- per engine: fan-out, overhead, throughput ---
    const fanOut = [];
    const overhead = [];
    const throughput: ThroughputResult[] = [];
    const articlesUrl = ready.subgraphs.find((subgraph) => subgraph.name === 'articles')!.url;
    const wholeSystemLoad = { body: JSON.stringify({ query: nestedQuery(THROUGHPUT_ITEMS) }), seconds: plan.throughputSeconds, connections: gatewayOnlyPlan.connections };
    for (const engine of coldStartOnly ? [] : ENGINES) {
      log(`gateway (${engine}): starting the deployed bundle…`);
      const gateway = await startGateway(
        join(built, 'gateway.js'),
        [bundle('gateway-dev-graphql', engine).file],
        deployedEnv('gateway-dev-graphql', { REGISTRY_FILE: registryFile }, engine),
      );
      stops.push(gateway.stop);
      log(`gateway (${engine}): fan-out for N = ${plan.fanOutSizes.join(', ')}…`);
      fanOut.push(...(await measureFanOut(engine, gateway.ready.url, plan.fanOutSizes, subgraphs.counters)));
      log(`gateway (${engine}): overhead, ${plan.overheadRequests} requests each way…`);
      overhead.push(
        await measureOverhead({
          engine,
          gatewayUrl: gateway.ready.url,
          subgraphUrl: articlesUrl,
          query: SINGLE_SUBGRAPH_QUERY,
          requests: plan.overheadRequests,
          target: { p50Ms: 1, p99Ms: 5 },
          secrets: keys,
        }),
      );
      log(`gateway (${engine}): whole-system throughput, ${plan.throughputSeconds} s…`);
      throughput.push(await measureThroughput({ ...wholeSystemLoad, name: `gateway (${engine})`, url: gateway.ready.url, pid: gateway.child.pid! }));
      await gateway.stop();
      await drained(subgraphs);
    }
    if (!coldStartOnly) {
      log('baseline: stock @apollo/gateway (IntrospectAndCompose) on @apollo/server standalone…');
      const baseline = await startGateway(join(built, 'baselineGateway.js'), [], { ...env, NODE_ENV: 'production', BENCH_SUBGRAPHS: JSON.stringify(ready.subgraphs) });
      stops.push(baseline.stop);
      throughput.push(await measureThroughput({ ...wholeSystemLoad, name: 'baseline: @apollo/gateway', url: baseline.ready.url, pid: baseline.child.pid! }));
      await baseline.stop();
    }

    // Only a full run of every figure replaces the checked-in results.
    const partial = quick || coldStartOnly || values.profile === true || gatewayOnlyPlan.soakSeconds === 0;
    finish({ quick, partial, started, root, built, log, results: { coldStart, coldPath, overhead, fanOut, throughput, ...(gatewayOnlyResults ? { gatewayOnly: gatewayOnlyResults } : {}) } });
  } finally {
    await closeHttp();
    for (const stop of stops.reverse()) await stop();
    rmSync(workDir, { recursive: true, force: true });
  }
}

/** Writes the results as JSON and markdown: bench/ for a full run, .build/bench/ for any other. */
function finish(run: {
  quick: boolean;
  partial: boolean;
  started: number;
  root: string;
  built: string;
  log: (line: string) => void;
  results: Pick<BenchResults, 'coldStart' | 'coldPath' | 'overhead' | 'fanOut' | 'throughput' | 'gatewayOnly'>;
}): void {
  const results: BenchResults = {
    quick: run.quick,
    date: new Date().toISOString(),
    machine: { cores: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version, platform: `${process.platform} ${process.arch}`, loadAverage: loadavg().map((load) => round(load)) },
    durationSeconds: Math.round((performance.now() - run.started) / 1000),
    ...run.results,
  };
  const outDir = run.partial ? run.built : join(run.root, 'bench');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, run.partial ? 'results.partial.json' : 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  const markdown = renderResults(results);
  writeFileSync(join(outDir, run.partial ? 'RESULTS.partial.md' : 'RESULTS.md'), markdown);
  console.log(`\n${markdown}`);
  run.log(`wrote ${join(outDir, run.partial ? 'RESULTS.partial.md' : 'RESULTS.md')}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
