// `npm run bench`: every figure of the performance targets in one run, side by
// side with its baseline measured in the same run, written to bench/RESULTS.md and
// bench/results.json. `--quick` runs each figure briefly (part of `npm test`, so
// the harness cannot rot) and writes to .build/bench/ instead.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { graphqlPostEvent } from '@bff/kit/local';

import { composeSupergraph } from '../../gateway/src/compose/composeSupergraph';
import { subgraphsHash } from '../../gateway/src/compose/subgraphsHash';
import { findRepoRoot } from '../../infra/lib/repoRoot';
import { SERVICES } from '../../infra/lib/services';
import { type ColdStartCase, measureColdStarts } from './coldStart';
import { synthDeployedBundles } from './deployedBundles';
import { measureFanOut } from './fanOut';
import { closeHttp } from './http';
import { measureOverhead } from './overhead';
import { drained, startGateway, startSubgraphs } from './processes';
import { nestedQuery, signedRequest } from './queries';
import { renderResults, type BenchResults } from './report';
import { measureThroughput, type ThroughputResult } from './throughput';

const ENGINES = ['stitch', 'apollo'] as const;
// Environment variables that point at AWS: the bench gives a registry file and plain calls instead.
const AWS_ONLY = new Set(['REGISTRY_SSM_PREFIX', 'UPSTREAM_SIGV4', 'AUTH_SECRET_ARN']);

const settings = (quick: boolean) =>
  quick
    ? { coldRuns: 2, overheadRequests: 100, fanOutSizes: [1, 10, 100], throughputSeconds: 2 }
    : { coldRuns: 12, overheadRequests: 2000, fanOutSizes: [1, 10, 100], throughputSeconds: 15 };

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { quick: { type: 'boolean', default: false }, profile: { type: 'boolean', default: false }, 'cold-start-only': { type: 'boolean', default: false } },
  });
  const quick = values.quick ?? false;
  const coldStartOnly = values['cold-start-only'] ?? false;
  const plan = settings(quick);
  const root = findRepoRoot();
  const built = join(root, '.build/bench');
  const started = performance.now();
  const log = (line: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${line}`);
  const workDir = mkdtempSync(join(tmpdir(), 'bff-bench-'));
  const stops: (() => Promise<void>)[] = [];

  try {
    log(`bench${quick ? ' --quick' : ''}: ${cpus().length} cores, Node ${process.version}`);
    log('synthesizing the CDK app: the deployed bundles, the gateway once per engine…');
    const bundles = synthDeployedBundles(join(workDir, 'cdk.out'));
    const apolloBundles = synthDeployedBundles(join(workDir, 'cdk.out.apollo'), { gatewayEngine: 'apollo' });
    const bundle = (name: string, engine: (typeof ENGINES)[number] = 'stitch') => {
      const found = (engine === 'apollo' ? apolloBundles : bundles).get(name);
      if (!found) throw new Error(`${name} is not in the cloud assembly`);
      return found;
    };

    // One set of secrets for every process, as one Secrets Manager secret would be.
    const secrets = { JWT_SECRET: randomBytes(32).toString('hex'), INTERNAL_SIGNING_SECRET: randomBytes(32).toString('hex') };
    const tables = Object.fromEntries(SERVICES.map((service) => [service.tableEnv, `bench-${service.name}`]));
    Object.assign(process.env, secrets);
    const quiet = { POWERTOOLS_LOG_LEVEL: 'SILENT', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
    const baseEnv = { PATH: process.env.PATH, ...secrets, ...tables, ...quiet };

    log('starting the subgraphs and the local store with the bench data…');
    const subgraphs = await startSubgraphs(join(built, 'subgraphs.js'), { ...baseEnv, NODE_ENV: 'production' });
    stops.push(subgraphs.stop);
    const { ready } = subgraphs;
    const env = { ...baseEnv, DYNAMODB_ENDPOINT: ready.storeEndpoint };
    const deployedEnv = (name: string, extra: Record<string, string> = {}, engine: (typeof ENGINES)[number] = 'stitch'): NodeJS.ProcessEnv => ({
      ...Object.fromEntries(Object.entries(bundle(name, engine).environment).filter(([key]) => !AWS_ONLY.has(key))),
      ...env,
      ...extra,
    });

    // The registry as the subgraph stacks write it (name, url, checked-in SDL), and
    // the same with the supergraph composed ahead of time beside it.
    const entries = SERVICES.map((service) => ({
      name: service.name,
      url: ready.subgraphs.find((subgraph) => subgraph.name === service.name)!.url,
      sdl: readFileSync(join(root, service.schemaFile), 'utf8'),
    }));
    const registryFile = join(workDir, 'registry.json');
    writeFileSync(registryFile, JSON.stringify({ subgraphs: entries }));
    const composedRegistryFile = join(workDir, 'registry-composed.json');
    writeFileSync(composedRegistryFile, JSON.stringify({ subgraphs: entries, supergraph: { supergraphSdl: composeSupergraph(entries), subgraphsHash: subgraphsHash(entries) } }));

    // --- cold start ---
    log(`cold start: ${plan.coldRuns} runs of each, interleaved…`);
    const signedEvent = async (query: string, variables: Record<string, unknown> = {}) => {
      const signed = await signedRequest(query, variables);
      return graphqlPostEvent(signed.body, signed.headers);
    };
    const gatewayEvent = () => Promise.resolve(graphqlPostEvent(JSON.stringify({ query: nestedQuery(10) })));
    const cases: ColdStartCase[] = [
      { name: 'bare node -e 0', env },
      {
        name: 'users',
        bundle: bundle('users-dev-graphql').file,
        env: deployedEnv('users-dev-graphql'),
        event: () => signedEvent('query ($ids: [ID!]!) { users(ids: $ids) { id name } }', { ids: ready.userIds.slice(0, 3) }),
        target: 1.5,
      },
      {
        name: 'articles',
        bundle: bundle('articles-dev-graphql').file,
        env: deployedEnv('articles-dev-graphql'),
        event: () => signedEvent('{ articles(first: 10) { nodes { id title } } }'),
        target: 1.5,
      },
      {
        name: 'comments',
        bundle: bundle('comments-dev-graphql').file,
        env: deployedEnv('comments-dev-graphql'),
        event: () => signedEvent('query ($id: ID!) { commentsForArticle(articleId: $id, first: 10) { nodes { id body } } }', { id: ready.articleIds[0] }),
        target: 1.5,
      },
      ...ENGINES.flatMap((engine): ColdStartCase[] => [
        {
          name: `gateway (${engine})`,
          bundle: bundle('gateway-dev-graphql', engine).file,
          env: deployedEnv('gateway-dev-graphql', { REGISTRY_FILE: composedRegistryFile }, engine),
          event: gatewayEvent,
          target: 1.6,
        },
        {
          name: `gateway (${engine}), composing at cold start`,
          bundle: bundle('gateway-dev-graphql', engine).file,
          env: deployedEnv('gateway-dev-graphql', { REGISTRY_FILE: registryFile }, engine),
          event: gatewayEvent,
        },
      ]),
    ];
    const coldStart = await measureColdStarts(cases, { runs: plan.coldRuns, runner: join(built, 'coldStartRunner.js'), workDir, log, profile: values.profile });

    // --- per engine: fan-out, overhead, throughput ---
    const fanOut = [];
    const overhead = [];
    const throughput: ThroughputResult[] = [];
    const articlesUrl = ready.subgraphs.find((subgraph) => subgraph.name === 'articles')!.url;
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
      overhead.push(await measureOverhead(engine, gateway.ready.url, articlesUrl, plan.overheadRequests));
      log(`gateway (${engine}): throughput, ${plan.throughputSeconds} s…`);
      throughput.push(await measureThroughput(`gateway (${engine})`, gateway.ready.url, gateway.child.pid!, plan.throughputSeconds));
      await gateway.stop();
      await drained(subgraphs);
    }
    if (!coldStartOnly) {
      log('baseline: stock @apollo/gateway (IntrospectAndCompose) on @apollo/server standalone…');
      const baseline = await startGateway(join(built, 'baselineGateway.js'), [], { ...env, NODE_ENV: 'production', BENCH_SUBGRAPHS: JSON.stringify(ready.subgraphs) });
      stops.push(baseline.stop);
      throughput.push(await measureThroughput('baseline: @apollo/gateway', baseline.ready.url, baseline.child.pid!, plan.throughputSeconds));
      await baseline.stop();
    }

    const results: BenchResults = {
      quick,
      date: new Date().toISOString(),
      machine: { cores: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version, platform: `${process.platform} ${process.arch}` },
      durationSeconds: Math.round((performance.now() - started) / 1000),
      coldStart,
      overhead,
      fanOut,
      throughput,
    };
    // Only a full run of every figure replaces the checked-in results.
    const partial = quick || coldStartOnly || values.profile;
    const outDir = partial ? built : join(root, 'bench');
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, partial ? 'results.partial.json' : 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    const markdown = renderResults(results);
    writeFileSync(join(outDir, partial ? 'RESULTS.partial.md' : 'RESULTS.md'), markdown);
    console.log(`\n${markdown}`);
    log(`wrote ${join(outDir, partial ? 'RESULTS.partial.md' : 'RESULTS.md')}`);
  } finally {
    await closeHttp();
    for (const stop of stops.reverse()) await stop();
    rmSync(workDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
