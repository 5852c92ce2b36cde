import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { type LocalLambdaServer, postGraphQL } from '@bff/kit/local';
import type { GraphQLResolverMap } from '@bff/kit/subgraph';
import { serveTestLambda } from '@bff/test-support';
import { parse } from 'graphql';

import { composeSupergraph } from '../../src/compose/composeSupergraph';
import { createGatewayHandler } from '../../src/createGatewayHandler';
import { ENGINE_NAMES, type EngineName } from '../../src/engines/engine';
import { LocalFileRegistry } from '../../src/registry/localFileRegistry';

/** One subgraph of a fixture set: plain Apollo Server + buildSubgraphSchema, as any team might run it. */
export interface FixtureSubgraph {
  name: string;
  typeDefs: string;
  resolvers: GraphQLResolverMap<unknown>;
}

/** What a gateway answered, as the client sees it: `data`, and whether there were errors. */
export interface Answer {
  data: unknown;
  errors: boolean;
}

/**
 * One operation and its right answer. `apolloGateway` is set where stock
 * @apollo/gateway is known to answer otherwise: its answer, and why it is wrong.
 */
export interface ConformanceCase extends Answer {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  apolloGateway?: Answer & { why: string };
}

type Runner = (query: string, variables?: Record<string, unknown>) => Promise<Answer>;

/** What a client sees: JSON, so that null-prototype objects and undefined members compare as they would arrive. */
const asClientSees = (data: unknown): unknown => (data === undefined ? undefined : JSON.parse(JSON.stringify(data)));

/**
 * Serves the subgraphs once, composes them, and runs every case on the two
 * engines (the gateway's real Lambda handler, over HTTP) and on a stock
 * @apollo/gateway given the same supergraph. The stitch engine must give the right
 * answer; the apollo engine must give exactly what stock @apollo/gateway gives.
 */
export function describeConformance(pattern: string, subgraphs: FixtureSubgraph[], cases: ConformanceCase[]): void {
  describe(pattern, () => {
    const servers: ApolloServer[] = [];
    const gateways: LocalLambdaServer[] = [];
    const run = {} as Record<EngineName | 'stock', Runner>;
    let dir: string;

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'bff-conformance-'));
      const entries = await Promise.all(
        subgraphs.map(async ({ name, typeDefs, resolvers }) => {
          const server = new ApolloServer({
            schema: buildSubgraphSchema({ typeDefs: parse(typeDefs), resolvers }),
            plugins: [ApolloServerPluginInlineTraceDisabled()],
          });
          servers.push(server);
          const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
          return { name, url, sdl: typeDefs };
        }),
      );
      // The gateways find the subgraphs as any registry lists them, and introspect their SDL.
      const registryFile = join(dir, 'registry.json');
      await writeFile(registryFile, JSON.stringify({ subgraphs: entries.map(({ name, url }) => ({ name, url })) }));
      for (const engine of ENGINE_NAMES) {
        const handler = createGatewayHandler({
          registry: new LocalFileRegistry(registryFile),
          settings: { engine, pollIntervalMs: 0 },
        });
        const gateway = await serveTestLambda(handler, `gateway-${engine}`);
        gateways.push(gateway);
        run[engine] = async (query, variables) => {
          const { body } = await postGraphQL(`${gateway.origin}/graphql`, query, variables);
          return { data: body.data, errors: Boolean(body.errors?.length) };
        };
      }
      const stock = new ApolloServer({ gateway: new ApolloGateway({ supergraphSdl: composeSupergraph(entries), logger: quiet }) });
      servers.push(stock);
      await stock.start();
      run.stock = async (query, variables) => {
        const { body } = await stock.executeOperation({ query, variables });
        if (body.kind !== 'single') throw new Error('Expected a single result');
        return { data: asClientSees(body.singleResult.data), errors: Boolean(body.singleResult.errors?.length) };
      };
    });

    afterAll(async () => {
      await Promise.all([...gateways.map((gateway) => gateway.close()), ...servers.map((server) => server.stop())]);
      await rm(dir, { recursive: true, force: true });
    });

    describe.each(cases)('$name', ({ query, variables, data, errors, apolloGateway }) => {
      const right: Answer = { data, errors };
      const stockAnswer: Answer = apolloGateway ? { data: apolloGateway.data, errors: apolloGateway.errors } : right;
      it('stitch engine: the right answer', async () => {
        expect(await run.stitch(query, variables)).toStrictEqual(right);
      });
      it(`apollo engine: ${apolloGateway ? 'what stock @apollo/gateway answers' : 'the right answer'}`, async () => {
        expect(await run.apollo(query, variables)).toStrictEqual(stockAnswer);
      });
      it(`stock @apollo/gateway: ${apolloGateway ? `known to be wrong (${apolloGateway.why})` : 'the right answer'}`, async () => {
        expect(await run.stock(query, variables)).toStrictEqual(stockAnswer);
      });
    });
  });
}

const ignore = () => undefined;
const quiet = { debug: ignore, info: ignore, warn: ignore, error: ignore };
