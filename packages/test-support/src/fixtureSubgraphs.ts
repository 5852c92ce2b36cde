import { type ApiGatewayHandler, createSubgraphHandler, type RequestContext, type RuntimeSettings, Secrets } from '@bff/kit';
import type { LocalLambdaServer } from '@bff/kit/local';
import type { GraphQLResolverMap } from '@bff/kit/subgraph';
import { getStitchedSchemaFromSupergraphSdl } from '@graphql-tools/federation';
import { type ExecutionResult, graphql, type GraphQLSchema } from 'graphql';

import { developerSettings } from './developerKeys';
import { FEDERATION_LINK } from './federationLink';
import { serveTestLambda } from './serveTestLambda';
import { signedFetch } from './signedFetch';

/**
 * The test subgraphs, small and federated: `planets` (a list, a lookup and a
 * mutation), and `moons` and `rings`, which add fields to Planet. `moonCount` is
 * nullable, so that a gateway can answer without moons.
 */
export const FIXTURE_SDL = {
  planets: `${FEDERATION_LINK}
    type Planet @key(fields: "id") { id: ID! name: String! }
    type Query { planets: [Planet!]! planet(id: ID!): Planet }
    type Mutation { renamePlanet(id: ID!, name: String!): Planet! }`,
  moons: `${FEDERATION_LINK} type Planet @key(fields: "id") { id: ID! moonCount: Int whoAsked: String }`,
  rings: `${FEDERATION_LINK} type Planet @key(fields: "id") { id: ID! ringCount: Int! }`,
} as const;

export type FixtureName = keyof typeof FIXTURE_SDL;

const PLANETS = [
  { id: 'p1', name: 'Mercury' },
  { id: 'p6', name: 'Saturn' },
];
const MOONS: Record<string, number> = { p1: 0, p6: 146 };
const RINGS: Record<string, number> = { p1: 0, p6: 7 };

type Key = { id: string };

/** Each subgraph's resolvers, made afresh so that a served instance keeps its own state (the renames). */
function resolversOf(name: FixtureName): GraphQLResolverMap<RequestContext> {
  switch (name) {
    case 'planets': {
      let renamed = 0;
      // A planet looked up by key is named after its id: a lookup shows which key reached it.
      const byKey = ({ id }: Key) => ({ id, name: id });
      return {
        Query: { planets: () => PLANETS, planet: (_: unknown, key: Key) => byKey(key) },
        Mutation: {
          renamePlanet: (_: unknown, { id, name }: { id: string; name: string }) => {
            renamed++;
            return { id, name: `${name} #${renamed}` };
          },
        },
        Planet: { __resolveReference: byKey },
      };
    }
    case 'moons':
      return {
        Planet: {
          __resolveReference: ({ id }: Key) => ({ id, moonCount: MOONS[id] ?? 0 }),
          // Who the gateway said the caller is: what a subgraph sees of a signed-in user.
          whoAsked: (_: unknown, __: unknown, context: RequestContext) => context.caller?.userId ?? 'anonymous',
        },
      };
    case 'rings':
      return { Planet: { __resolveReference: ({ id }: Key) => ({ id, ringCount: RINGS[id] ?? 0 }) } };
  }
}

/** One fixture subgraph's Lambda handler, through the kit's real factory, on these settings (a developer's by default). */
export function fixtureHandler(name: FixtureName, settings: RuntimeSettings = developerSettings): ApiGatewayHandler {
  return createSubgraphHandler({ name, typeDefs: FIXTURE_SDL[name], resolvers: resolversOf(name), settings, secrets: new Secrets(settings.secrets) });
}

/** Serves one fixture subgraph on a free port, on a developer's settings. */
export function serveFixture(name: FixtureName): Promise<LocalLambdaServer> {
  return serveTestLambda(fixtureHandler(name), name);
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
