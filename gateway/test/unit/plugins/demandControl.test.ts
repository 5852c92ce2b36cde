import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { buildSchema, parse } from 'graphql';

import { demandControl } from '../../../src/plugins/demandControl';
import { queryCost, worstCaseQueryCost } from '../../../src/plugins/queryCost';
import { DEFAULT_MAX_QUERY_COST } from '../../../src/settings';
import { ATTACK, ATTACK_COST, FRAGMENT_BOMB } from '../../costlyQueries';
import { apolloServerWith } from './apolloServerWith';

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
  const schema = buildSchema(readFileSync(join(__dirname, '../../../schema.graphql'), 'utf8'));
  // The contract checks (tools/contracts) hold them to the limit; here: how far below it they are.
  const folder = join(__dirname, '../../../../frontend/src/operations');
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

  it("costs the issue's attack far over the default: what the gateway refuses it for", () => {
    expect(queryCost(schema, parse(ATTACK), { variables: {} })).toBe(ATTACK_COST);
    expect(ATTACK_COST).toBeGreaterThan(DEFAULT_MAX_QUERY_COST);
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
