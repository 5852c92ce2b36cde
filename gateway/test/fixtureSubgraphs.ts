import { createSubgraphHandler, signInternalHeaders } from '@bff/kit';
import { type LocalLambdaServer, serveLambda } from '@bff/kit/local';
import { getStitchedSchemaFromSupergraphSdl } from '@graphql-tools/federation';
import { type ExecutionResult, graphql, type GraphQLSchema } from 'graphql';

import { developerSecrets, developerSettings } from './developerKeys';

export const link = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])';

/** Small federation subgraphs, each through the kit's real Lambda factory: planets, and two that add fields to Planet. */
export const FIXTURE_SDL = {
  planets: `${link} type Planet @key(fields: "id") { id: ID! name: String! } type Query { planets: [Planet!]! }`,
  moons: `${link} type Planet @key(fields: "id") { id: ID! moonCount: Int! }`,
  rings: `${link} type Planet @key(fields: "id") { id: ID! ringCount: Int! }`,
} as const;

type FixtureName = keyof typeof FIXTURE_SDL;

const reference = (field: string, values: Record<string, number>) => ({
  Planet: { __resolveReference: ({ id }: { id: string }) => ({ id, [field]: values[id] ?? 0 }) },
});

const RESOLVERS = {
  planets: {
    Query: { planets: () => [{ id: 'p1', name: 'Mercury' }, { id: 'p6', name: 'Saturn' }] },
    Planet: { __resolveReference: ({ id }: { id: string }) => ({ id, name: id }) },
  },
  moons: reference('moonCount', { p1: 0, p6: 146 }),
  rings: reference('ringCount', { p1: 0, p6: 7 }),
};

/** Serves one fixture subgraph on a free port. */
export async function serveFixture(name: FixtureName): Promise<LocalLambdaServer> {
  return serveLambda(createSubgraphHandler({ name, typeDefs: FIXTURE_SDL[name], resolvers: RESOLVERS[name], settings: developerSettings, secrets: developerSecrets }), { name });
}

/** A registry entry for a served fixture: introspected, or with its SDL when asked. */
export function entryFor(server: LocalLambdaServer, withSdl = false): { name: string; url: string; sdl?: string } {
  const url = `${server.origin}/graphql`;
  return withSdl ? { name: server.name, url, sdl: FIXTURE_SDL[server.name as FixtureName] } : { name: server.name, url };
}

/** Subgraphs answer only calls the gateway signed: the tests' stand-in for the gateway's upstream layer. */
async function signedFetch(url: string, init: RequestInit = {}): Promise<Response> {
  const body = typeof init.body === 'string' ? init.body : '';
  const headers = new Headers(init.headers);
  for (const [key, value] of Object.entries(await signInternalHeaders(body, null, 'test', developerSecrets))) headers.set(key, value);
  return fetch(url, { ...init, headers, body });
}

/** Turns a supergraph SDL into an executable schema, as the stitch engine does. */
export function executableSchema(supergraphSdl: string): GraphQLSchema {
  return getStitchedSchemaFromSupergraphSdl({ supergraphSdl, batch: true, httpExecutorOpts: { fetch: signedFetch } });
}

export function execute(schema: GraphQLSchema, query: string): Promise<ExecutionResult> {
  return graphql({ schema, source: query });
}
