// The stitching library alone, in this process: the stitched schema our stitch engine
// builds, executed for the storefront query against executors that hand back each
// subgraph's answer as a fresh parse of its JSON (what the HTTP executor gives the
// library), without HTTP, Apollo Server, signing or logging. One query at a time, so
// that the figure is the library's own CPU per answer, which a busy machine disturbs
// far less than a throughput figure; beside it, graphql-js executing the same query
// over the finished data: the floor for an answer of this shape.
import { buildSubgraphSchema } from '@apollo/subgraph';
import { composeSupergraph } from '@bff/gateway/compose';
import type { GraphQLResolverMap } from '@bff/kit/subgraph';
import { execute as executeStitched } from '@graphql-tools/executor';
import { getStitchedSchemaFromSupergraphSdl } from '@graphql-tools/federation';
import type { ExecutionRequest } from '@graphql-tools/utils';
import { buildSchema, type DocumentNode, execute, executeSync, parse, print, printSchema } from 'graphql';

import { round } from '../stats';
import { SHOP_SUBGRAPH_NAMES, type ShopSubgraphName, shopSdl, shopSubgraph } from './shopSubgraphs';

export interface StitchInProcessResult {
  /** Measured queries (after as many again to warm up). */
  queries: number;
  /** Subgraph calls the library made for one query. */
  subgraphCalls: number;
  /** CPU ms per answer (all threads, GC included) of the stitched executor. */
  stitchedCpuMs: number;
  /** The same, of graphql-js executing the query over the finished data. */
  floorCpuMs: number;
  /** Share of wall time spent in GC pauses while the stitched executor ran. */
  gcShare: number;
}

const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

/** A subgraph answered from memory: executed once per distinct request, then its JSON parsed afresh on every call. */
function inMemoryExecutor(name: ShopSubgraphName) {
  const options = shopSubgraph(name);
  const schema = buildSubgraphSchema({ typeDefs: parse(options.typeDefs), resolvers: options.resolvers as GraphQLResolverMap<unknown> });
  const answers = new Map<string, string>();
  let calls = 0;
  const executor = async ({ document, variables }: ExecutionRequest) => {
    calls++;
    const query = print(document);
    const key = `${query}\n${JSON.stringify(variables ?? {})}`;
    let answer = answers.get(key);
    if (answer === undefined) {
      answer = JSON.stringify(await execute({ schema, document: parse(query), variableValues: variables as Record<string, unknown> | undefined }));
      answers.set(key, answer);
    }
    return JSON.parse(answer) as Record<string, unknown>;
  };
  return { executor, calls: () => calls };
}

/** Runs `query` `queries` times through the stitched executor (and the floor), each answer checked against `expected`'s data. */
export async function measureStitchInProcess(query: string, expected: string, queries: number): Promise<StitchInProcessResult> {
  const subgraphs = new Map(SHOP_SUBGRAPH_NAMES.map((name) => [name, inMemoryExecutor(name)]));
  const entries = SHOP_SUBGRAPH_NAMES.map((name) => ({ name, url: `http://${name}.invalid/graphql`, sdl: shopSdl(name) }));
  const schema = getStitchedSchemaFromSupergraphSdl({
    supergraphSdl: composeSupergraph(entries),
    // As the stitch engine builds it.
    batch: true,
    onSubschemaConfig: (config) => {
      // The supergraph names each subgraph by its enum value (ACCOUNTS for accounts).
      config.executor = subgraphs.get(config.name.toLowerCase() as ShopSubgraphName)!.executor;
    },
  });
  const document: DocumentNode = parse(query);
  const expectedData = JSON.stringify((JSON.parse(expected) as { data: unknown }).data);
  const once = async () => {
    const result = await executeStitched({ schema, document, contextValue: {} });
    if (!('data' in result) || JSON.stringify(result.data) !== expectedData || result.errors) {
      throw new Error('the stitched executor in process answered differently from the gateways');
    }
  };
  await once();
  const subgraphCalls = [...subgraphs.values()].reduce((sum, subgraph) => sum + subgraph.calls(), 0);
  for (let i = 0; i < queries; i++) await once();

  const { PerformanceObserver } = await import('node:perf_hooks');
  let gcMs = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcMs += entry.duration;
  });
  observer.observe({ entryTypes: ['gc'] });
  const wallStart = performance.now();
  const stitchedStart = process.cpuUsage();
  for (let i = 0; i < queries; i++) await once();
  const stitchedCpuMs = cpuMs(stitchedStart) / queries;
  const wallMs = performance.now() - wallStart;
  // GC entries are delivered asynchronously.
  await new Promise((resolve) => setTimeout(resolve, 20));
  observer.disconnect();

  // The floor: the client schema with default resolvers over the finished data, parsed afresh each time as above.
  const clientSchema = buildSchema(printSchema(schema));
  const floor = () => executeSync({ schema: clientSchema, document, rootValue: JSON.parse(expectedData) as unknown });
  for (let i = 0; i < queries; i++) floor();
  const floorStart = process.cpuUsage();
  for (let i = 0; i < queries; i++) floor();
  const floorCpuMs = cpuMs(floorStart) / queries;

  return { queries, subgraphCalls, stitchedCpuMs: round(stitchedCpuMs), floorCpuMs: round(floorCpuMs), gcShare: round(gcMs / wallMs) };
}
