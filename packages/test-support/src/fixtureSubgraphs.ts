import { createSubgraphHandler } from '@bff/kit';
import type { LocalLambdaServer } from '@bff/kit/local';
import { getStitchedSchemaFromSupergraphSdl } from '@graphql-tools/federation';
import { type ExecutionResult, graphql, type GraphQLSchema } from 'graphql';

import { developerSecrets, developerSettings } from './developerKeys';
import { serveTestLambda } from './serveTestLambda';
import { signedFetch } from './signedFetch';

/** The federation link every fixture subgraph's SDL starts with. */
export const FEDERATION_LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])';

/** Small federation subgraphs, each through the kit's real Lambda factory: planets, and two that add fields to Planet. */
export const FIXTURE_SDL = {
  planets: `${FEDERATION_LINK} type Planet @key(fields: "id") { id: ID! name: String! } type Query { planets: [Planet!]! }`,
  moons: `${FEDERATION_LINK} type Planet @key(fields: "id") { id: ID! moonCount: Int! }`,
  rings: `${FEDERATION_LINK} type Planet @key(fields: "id") { id: ID! ringCount: Int! }`,
} as const;

export type FixtureName = keyof typeof FIXTURE_SDL;

/** A planet the planets subgraph resolves by key: its name is its id. */
export const planetByKey = ({ id }: { id: string }) => ({ id, name: id });

const reference = (field: string, values: Record<string, number>) => ({
  Planet: { __resolveReference: ({ id }: { id: string }) => ({ id, [field]: values[id] ?? 0 }) },
});

const RESOLVERS = {
  planets: {
    Query: { planets: () => [{ id: 'p1', name: 'Mercury' }, { id: 'p6', name: 'Saturn' }] },
    Planet: { __resolveReference: planetByKey },
  },
  moons: reference('moonCount', { p1: 0, p6: 146 }),
  rings: reference('ringCount', { p1: 0, p6: 7 }),
};

/** Serves one fixture subgraph on a free port, on a developer's settings. */
export function serveFixture(name: FixtureName): Promise<LocalLambdaServer> {
  const handler = createSubgraphHandler({ name, typeDefs: FIXTURE_SDL[name], resolvers: RESOLVERS[name], settings: developerSettings, secrets: developerSecrets });
  return serveTestLambda(handler, name);
}

/** A registry entry for a served fixture: introspected, or with its SDL when asked. */
export function entryFor(server: LocalLambdaServer, withSdl = false): { name: string; url: string; sdl?: string } {
  const url = `${server.origin}/graphql`;
  return withSdl ? { name: server.name, url, sdl: FIXTURE_SDL[server.name as FixtureName] } : { name: server.name, url };
}

/** Turns a supergraph SDL into an executable schema, as the stitch engine does, calling the subgraphs signed. */
export function executableSchema(supergraphSdl: string): GraphQLSchema {
  return getStitchedSchemaFromSupergraphSdl({ supergraphSdl, batch: true, httpExecutorOpts: { fetch: signedFetch() } });
}

export function execute(schema: GraphQLSchema, query: string): Promise<ExecutionResult> {
  return graphql({ schema, source: query });
}
