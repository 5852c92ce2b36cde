import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { buildSchema, parse } from 'graphql';

import { type ApiGatewayHandler, createSubgraphHandler } from '@bff/kit';
import { type LocalLambdaServer, postGraphQL } from '@bff/kit/local';
import { developerSecrets, developerSettings, FEDERATION_LINK, serveTestLambda} from '@bff/test-support'; 

import { createGatewayHandler } from '../../src/createGatewayHandler';
import { ENGINE_NAMES } from '../../src/engines/engine';
import { demandControl } from '../../src/plugins/demandControl';
import { queryCost, worstCaseQueryCost } from '../../src/plugins/queryCost';
import { LocalFileRegistry } from '../../src/registry/localFileRegistry';
import { DEFAULT_MAX_QUERY_COST } from '../../src/settings';
import { apolloServerWith } from './apolloServerWith';


// The attack: four levels of `comments(first: 20)` through each comment's author,
// 160000 comments for one anonymous request of under 200 bytes, within the depth limit.
const ATTACK =
  '{ comments(first: 20) { nodes { author { comments(first: 20) { nodes { author { comments(first: 20) { nodes { author { comments(first: 20) { nodes { id } } } } } } } } } } } }';
const ATTACK_COST = 1 + 20 * (1 + 1 + 1 + 20 * (1 + 1 + 1 + 20 * (1 + 1 + 1 + 20 * (1 + 1))));

// Fourteen fragments each spreading the one before twice: 2^14 selections from a few hundred bytes.
const FRAGMENT_BOMB = [
  '{ comments { nodes { ...F14 } } }',
  'fragment F0 on Comment { id }',
  ...Array.from({ length: 14 }, (_, level) => `fragment F${level + 1} on Comment { ...F${level} ...F${level} }`),
].join('\n');

describe('queryCost', () => {
  const schema = buildSchema(`
    type Query {
      articles(first: Int = 20): ArticleConnection!
      comments(first: Int = 20): CommentConnection!
      users(ids: [ID!]!): [User]!
      user(id: ID!): User
      tags: [String!]!
      pages(first: Int): [String!]!
    }
    type ArticleConnection { nodes: [Article!]! }
    type Article { title: String! author: User! comments(first: Int = 20): CommentConnection }
    type CommentConnection { nodes: [Comment!]! }
    type Comment { id: ID! body: String! author: User! }
    type User { name: String! }
  `);
  const cost = (query: string, variables?: Record<string, unknown>) => queryCost(schema, parse(query), { variables });

  it('costs 1 a field, plus what is under it', () => {
    expect(cost('{ user(id: "u1") { name } }')).toBe(2);
    expect(cost('{ tags user(id: "u1") { name } }')).toBe(3);
  });

  it('multiplies what is under a field by its `first`, given or by default, through nesting', () => {
    expect(cost('{ articles(first: 10) { nodes { title comments(first: 5) { nodes { body } } } } }')).toBe(1 + 10 * (1 + 1 + (1 + 5 * (1 + 1))));
    expect(cost('{ articles { nodes { title } } }')).toBe(1 + 20 * (1 + 1));
    // Null is what the subgraphs read as the default; no default at all counts as the largest page.
    expect(cost('{ articles(first: null) { nodes { title } } }')).toBe(1 + 20 * (1 + 1));
    expect(cost('{ pages }')).toBe(1 + 100 * 0);
    expect(cost('{ pages(first: 3) articles(first: 3) { nodes { author { name } } } }')).toBe(1 + 1 + 3 * (1 + 1 + 1));
  });

  it('counts a negative `first` as no items, so that it cannot hide the cost of the rest', () => {
    expect(cost('{ articles(first: -1000) { nodes { title } } }')).toBe(1);
  });

  it('multiplies a list field by the length of its list argument', () => {
    expect(cost('{ users(ids: ["a", "b", "c"]) { name } }')).toBe(1 + 3 * 1);
    expect(cost('query ($ids: [ID!]!) { users(ids: $ids) { name } }', { ids: Array.from({ length: 50 }, (_, i) => `u${i}`) })).toBe(1 + 50 * 1);
  });

  it('counts fragments, and skips what @skip and @include leave out', () => {
    expect(cost('{ articles(first: 2) { nodes { ...A } } } fragment A on Article { title author { name } }')).toBe(1 + 2 * (1 + 1 + 2));
    expect(cost('query ($full: Boolean!) { articles(first: 2) { nodes { title author @include(if: $full) { name } } } }', { full: false })).toBe(1 + 2 * (1 + 1));
  });

  it('uses the variables sent', () => {
    const query = 'query ($first: Int) { articles(first: $first) { nodes { title } } }';
    expect(cost(query)).toBe(1 + 20 * 2);
    expect(cost(query, { first: 100 })).toBe(1 + 100 * 2);
  });

  it('refuses to walk a document with too many selections', () => {
    expect(() => cost(FRAGMENT_BOMB)).toThrow('Query exceeds the maximum allowed number of nodes.');
  });

  it('counts `first` variables at the largest page and others at what costs nothing when variables are unknown', () => {
    const document = parse('query Q($first: Int, $id: ID!) { user(id: $id) { name } articles(first: $first) { nodes { title } } }');
    expect(worstCaseQueryCost(schema, document, 'Q')).toBe(2 + 1 + 100 * 2);
    expect(worstCaseQueryCost(schema, parse('query ($ids: [ID!]) { users(ids: $ids) { name } }'))).toBe(1 + 100 * 1);
  });
});

describe('the frontend operations and the default MAX_QUERY_COST', () => {
  const schema = buildSchema(readFileSync(join(__dirname, '../../schema.graphql'), 'utf8'));
  // The contract checks (tools/contracts) hold them to the limit; here: how far below it they are.
  const folder = join(__dirname, '../../../frontend/src/operations');
  const operations = readdirSync(folder)
    .filter((file) => file.endsWith('.graphql'))
    .map((file) => ({ file, text: readFileSync(join(folder, file), 'utf8') }));

  it('each costs at most half the default with its variables at their worst', () => {
    expect(operations.length).toBeGreaterThan(0);
    const costs = operations.map(({ file, text }) => ({ file, cost: worstCaseQueryCost(schema, parse(text)) }));
    expect(costs.filter(({ cost }) => cost > DEFAULT_MAX_QUERY_COST / 2)).toEqual([]);
  });

  it('counts a `$first` at the largest page: ArticleList as if it asked for 100', () => {
    const articleList = operations.find(({ file }) => file === 'ArticleList.graphql');
    expect(articleList).toBeDefined();
    const asked100 = articleList!.text.replace('first: $first', 'first: 100');
    expect(asked100).not.toBe(articleList!.text);
    expect(worstCaseQueryCost(schema, parse(articleList!.text))).toBe(queryCost(schema, parse(asked100), { variables: {} }));
  });
});

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

describe('the demandControl plugin', () => {
  let server: Awaited<ReturnType<typeof apolloServerWith>>;
  beforeAll(async () => {
    const typeDefs = 'type Query { items(first: Int = 10): [Item!]! } type Item { id: ID! items(first: Int = 10): [Item!]! }';
    const item = { id: 'i', items: () => [] };
    server = await apolloServerWith(demandControl(50), typeDefs, { Query: { items: () => [item] } });
  });
  afterAll(() => server.stop());

  it('runs an operation within the limit', async () => {
    expect((await server.run({ query: '{ items(first: 4) { id items(first: 4) { id } } }' })).result.data).toEqual({ items: [{ id: 'i', items: [] }] });
  });

  it('refuses a costlier one with 400 QUERY_TOO_COSTLY, counting its variables, before running it', async () => {
    const refused = await server.run({ query: 'query ($n: Int) { items(first: $n) { id items(first: $n) { id } } }', variables: { n: 10 } });
    expect(refused.status).toBe(400);
    expect(refused.result.data).toBeUndefined();
    expect(refused.result.errors?.[0]?.extensions).toEqual({ code: 'QUERY_TOO_COSTLY', cost: 1 + 10 * (1 + 1 + 10 * 1), maxCost: 50 });
  });
});
