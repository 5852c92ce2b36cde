import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type ApiGatewayHandler, createSubgraphHandler } from '@bff/kit';
import { type LocalLambdaServer, postGraphQL } from '@bff/kit/local';
import { developerSecrets, developerSettings, FEDERATION_LINK, serveTestLambda } from '@bff/test-support';

import { createGatewayHandler } from '../src/createGatewayHandler';
import { ENGINE_NAMES } from '../src/engines/engine';
import { LocalFileRegistry } from '../src/registry/localFileRegistry';
import { DEFAULT_MAX_QUERY_COST } from '../src/settings';
import { ATTACK, ATTACK_COST, FRAGMENT_BOMB } from './costlyQueries';

/** A subgraph served through the kit's real Lambda factory, with the request bodies it saw. */
async function serveCounted(name: string, handler: ApiGatewayHandler): Promise<{ server: LocalLambdaServer; requests: string[] }> {
  const requests: string[] = [];
  const server = await serveTestLambda((event, context) => {
    requests.push(event.body ?? '');
    return handler(event, context);
  }, name);
  return { server, requests };
}

/** `first` comments, each by one of three authors. */
const page = (first: number, owner: string) => ({
  nodes: Array.from({ length: first }, (_, i) => ({ id: `${owner}-c${i}`, body: `Comment ${i}`, author: { id: `u${i % 3}` } })),
});

describe.each(ENGINE_NAMES)('demand control through the gateway, %s engine', (engine) => {
  let dir: string;
  let gateway: LocalLambdaServer;
  let users: Awaited<ReturnType<typeof serveCounted>>;
  let comments: Awaited<ReturnType<typeof serveCounted>>;
  let url: string;
  const subgraphRequests = () => users.requests.length + comments.requests.length;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bff-demand-'));
    users = await serveCounted(
      'users',
      createSubgraphHandler({
        name: 'users',
        settings: developerSettings,
        secrets: developerSecrets,
        typeDefs: `${FEDERATION_LINK} type User @key(fields: "id") { id: ID! name: String! } type Query { users(ids: [ID!]!): [User]! }`,
        resolvers: {
          Query: { users: (_: unknown, { ids }: { ids: string[] }) => ids.map((id) => ({ id, name: `User ${id}` })) },
          User: { __resolveReference: ({ id }: { id: string }) => ({ id, name: `User ${id}` }) },
        },
      }),
    );
    comments = await serveCounted(
      'comments',
      createSubgraphHandler({
        name: 'comments',
        settings: developerSettings,
        secrets: developerSecrets,
        typeDefs: `${FEDERATION_LINK}
          type Comment @key(fields: "id") { id: ID! body: String! author: User! }
          type CommentConnection { nodes: [Comment!]! }
          type User @key(fields: "id") { id: ID! comments(first: Int = 20): CommentConnection }
          type Query { comments(first: Int = 20): CommentConnection! }`,
        resolvers: {
          Query: { comments: (_: unknown, { first }: { first: number }) => page(first, 'all') },
          User: {
            __resolveReference: ({ id }: { id: string }) => ({ id }),
            comments: ({ id }: { id: string }, { first }: { first: number }) => page(first, id),
          },
        },
      }),
    );
    const registryFile = join(dir, 'registry.json');
    await writeFile(
      registryFile,
      JSON.stringify({ subgraphs: [users.server, comments.server].map((server) => ({ name: server.name, url: `${server.origin}/graphql` })) }),
    );
    const settings = { engine, maxQueryCost: DEFAULT_MAX_QUERY_COST };
    gateway = await serveTestLambda(createGatewayHandler({ registry: new LocalFileRegistry(registryFile), settings }), 'demand');
    url = `${gateway.origin}/graphql`;
  });
  afterAll(async () => {
    for (const server of [gateway, users.server, comments.server]) await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('answers a query under the limit, from the subgraphs', async () => {
    const before = subgraphRequests();
    const result = await postGraphQL(url, '{ comments(first: 2) { nodes { body author { name comments(first: 1) { nodes { id } } } } } }');
    expect(result.body).toEqual({
      data: {
        comments: {
          nodes: [
            { body: 'Comment 0', author: { name: 'User u0', comments: { nodes: [{ id: 'u0-c0' }] } } },
            { body: 'Comment 1', author: { name: 'User u1', comments: { nodes: [{ id: 'u1-c0' }] } } },
          ],
        },
      },
    });
    expect(subgraphRequests()).toBeGreaterThan(before);
  });

  it("refuses the issue's attack with QUERY_TOO_COSTLY and its estimate, before calling any subgraph", async () => {
    await postGraphQL(url, '{ comments(first: 1) { nodes { id } } }'); // the gateway is up: nothing below is start-up
    const before = subgraphRequests();
    const refused = await postGraphQL(url, ATTACK);
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({
      errors: [
        {
          message: `This operation is estimated to cost ${ATTACK_COST}; at most ${DEFAULT_MAX_QUERY_COST} is allowed. Ask for smaller pages (first) or fewer nested lists.`,
          extensions: { code: 'QUERY_TOO_COSTLY', cost: ATTACK_COST, maxCost: DEFAULT_MAX_QUERY_COST },
        },
      ],
    });
    expect(subgraphRequests()).toBe(before);
  });

  it('counts the variables sent: the same operation passes with $first 20 and is refused with 100', async () => {
    const query = 'query ($first: Int) { comments(first: $first) { nodes { author { comments(first: $first) { nodes { id } } } } } }';
    const passed = await postGraphQL<{ comments: { nodes: { author: { comments: { nodes: unknown[] } } }[] } }>(url, query, { first: 20 });
    expect(passed.status).toBe(200);
    expect(passed.body.data?.comments.nodes).toHaveLength(20);
    expect(passed.body.data?.comments.nodes[0]?.author.comments.nodes).toHaveLength(20);

    const before = subgraphRequests();
    const refused = await postGraphQL(url, query, { first: 100 });
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.[0]?.extensions).toEqual({ code: 'QUERY_TOO_COSTLY', cost: 1 + 100 * (1 + 1 + 1 + 100 * 2), maxCost: DEFAULT_MAX_QUERY_COST });
    expect(subgraphRequests()).toBe(before);
  });

  it('refuses a fragment bomb as too costly rather than walking it', async () => {
    const before = subgraphRequests();
    const refused = await postGraphQL(url, FRAGMENT_BOMB);
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.[0]).toEqual({
      message: `This operation has too many selections to estimate its cost; at most ${DEFAULT_MAX_QUERY_COST} is allowed.`,
      extensions: { code: 'QUERY_TOO_COSTLY', maxCost: DEFAULT_MAX_QUERY_COST },
    });
    expect(subgraphRequests()).toBe(before);
  });

  it('leaves variables that do not fit to the engine, which refuses them with BAD_USER_INPUT', async () => {
    const before = subgraphRequests();
    const refused = await postGraphQL(url, 'query ($first: Int) { comments(first: $first) { nodes { id } } }', { first: 'many' });
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(subgraphRequests()).toBe(before);
  });
});
