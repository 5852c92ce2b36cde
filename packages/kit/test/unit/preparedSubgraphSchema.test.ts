import { buildSubgraphSchema } from '@apollo/subgraph';
import { graphql, type GraphQLSchema, parse } from 'graphql';

import { prepareSubgraphSchema } from '../../src/build';
import { schemaFromPrepared } from '../../src/schemaFromPrepared';
import type { GraphQLResolverMap } from '../../src/subgraph';
import { subgraphSchema } from '../../src/subgraphSchema';

// Entities of every kind the federation resolvers handle: resolved by reference (sync and async),
// resolved without a reference resolver, one that is not resolvable, and an interface entity.
const typeDefs = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])
  """A thing."""
  type Thing @key(fields: "id") {
    id: ID!
    name: String!
  }
  type Later @key(fields: "id") {
    id: ID!
    when: String
  }
  type Plain @key(fields: "id") {
    id: ID!
  }
  type Elsewhere @key(fields: "id", resolvable: false) {
    id: ID!
  }
  interface Node @key(fields: "id") {
    id: ID!
  }
  type Box implements Node @key(fields: "id") {
    id: ID!
    size: Int
  }
  enum Colour {
    RED
    BLUE
  }
  type Query {
    thing(id: ID!): Thing
    colour: Colour
    elsewhere: Elsewhere
  }
`;

const resolvers = {
  Query: {
    thing: (_: unknown, { id }: { id: string }) => ({ id, name: `thing ${id}` }),
    colour: () => 'blue',
  },
  Colour: { RED: 'red', BLUE: 'blue' },
  Thing: { __resolveReference: ({ id }: { id: string }) => (id === 'none' ? null : { id, name: `thing ${id}` }) },
  Later: { __resolveReference: ({ id }: { id: string }) => Promise.resolve({ id, when: 'soon' }) },
  Node: { __resolveReference: ({ id }: { id: string }) => ({ __typename: 'Box', id, size: 3 }) },
} as GraphQLResolverMap<unknown>;

const operations = [
  '{ _service { sdl } }',
  '{ thing(id: "1") { id name } colour }',
  `{ _entities(representations: [
      { __typename: "Thing", id: "1" }, { __typename: "Thing", id: "none" }, { __typename: "Later", id: "2" },
      { __typename: "Plain", id: "3" }, { __typename: "Node", id: "4" }
    ]) { __typename ... on Thing { name } ... on Later { when } ... on Plain { id } ... on Box { size } } }`,
  '{ _entities(representations: [{ __typename: "Nope", id: "1" }]) { __typename } }',
  '{ _entities(representations: [{ __typename: "Thing" }]) { ... on Thing { name } } }',
];

const run = async (schema: GraphQLSchema, source: string) => JSON.parse(JSON.stringify(await graphql({ schema, source, contextValue: {} }))) as unknown;

describe('a subgraph schema prepared ahead of time', () => {
  const prepared = prepareSubgraphSchema(typeDefs);

  it('answers every operation exactly as buildSubgraphSchema does: _service, _entities, errors, enums', async () => {
    const before = buildSubgraphSchema({ typeDefs: parse(typeDefs), resolvers });
    const after = schemaFromPrepared(prepared, typeDefs, resolvers);
    for (const source of operations) expect(await run(after, source)).toEqual(await run(before, source));
    expect(await run(after, operations[0]!)).toEqual({ data: { _service: { sdl: prepared.sdl } } });
  });

  it('is refused by a handler made from other typeDefs: the bundle was built from another schema', () => {
    expect(() => schemaFromPrepared(prepared, typeDefs.replace('name: String!', 'name: String'), resolvers)).toThrow(/other typeDefs/);
  });

  it('is what a bundle serves when BFF_PREPARED_SUBGRAPH_SCHEMA holds it (the define, set here as the global it replaces)', async () => {
    // A mark the preparation would never make: it shows that the schema served is the one given, not prepared again.
    const marked = { ...prepared, sdl: prepared.sdl.replace('"""A thing."""', '"""A thing, prepared at build time."""') };
    globalThis.BFF_PREPARED_SUBGRAPH_SCHEMA = JSON.stringify(marked);
    try {
      const schema = subgraphSchema(typeDefs, resolvers);
      expect(await run(schema, '{ _service { sdl } }')).toEqual({ data: { _service: { sdl: marked.sdl } } });
      expect(schema.getType('Thing')?.description).toBe('A thing, prepared at build time.');
    } finally {
      globalThis.BFF_PREPARED_SUBGRAPH_SCHEMA = undefined;
    }
  });

  it('is prepared on the spot outside a bundle', async () => {
    expect(await run(subgraphSchema(typeDefs, resolvers), '{ _service { sdl } }')).toEqual({ data: { _service: { sdl: prepared.sdl } } });
  });
});
