import { federationLink } from '@bff/test-support';

import { describeConformance } from './describeConformance';

const accounts = [
  { id: 'a1', email: 'ada@example.org', name: 'Ada', desk: { floor: { id: 'f1' }, number: 7 } },
  { id: 'a2', email: 'grace@example.org', name: 'Grace', desk: null },
];
const plans: Record<string, string> = { 'ada@example.org': 'pro', 'grace@example.org': 'free' };
const logins: Record<string, string> = { a1: 'monday', a2: 'tuesday' };

// Account has two keys in `accounts`; `billing` knows it by email only, `audit` by id only,
// so reaching audit from billing goes through accounts. Desk has a composite key.
describeConformance(
  'entities with several keys',
  [
    {
      name: 'accounts',
      typeDefs: `${federationLink('2.3', ['@key', '@shareable'])}
        type Account @key(fields: "id") @key(fields: "email") { id: ID! email: String! name: String desk: Desk }
        type Desk @key(fields: "floor { id } number") { floor: Floor! number: Int! }
        type Floor @shareable { id: ID! }
        type Query { account(id: ID!): Account }`,
      resolvers: {
        Query: { account: (_: unknown, { id }: { id: string }) => accounts.find((account) => account.id === id) },
        Account: {
          __resolveReference: (key: { id?: string; email?: string }) =>
            accounts.find((account) => (key.id !== undefined ? account.id === key.id : account.email === key.email)),
        },
      },
    },
    {
      name: 'billing',
      typeDefs: `${federationLink('2.3', ['@key'])}
        type Account @key(fields: "email") { email: String! plan: String }
        type Query { topPayer: Account }`,
      resolvers: {
        Query: { topPayer: () => ({ email: 'grace@example.org' }) },
        Account: { plan: ({ email }: { email: string }) => plans[email] ?? null },
      },
    },
    {
      name: 'audit',
      typeDefs: `${federationLink('2.3', ['@key', '@shareable'])}
        type Account @key(fields: "id") { id: ID! lastLogin: String }
        type Desk @key(fields: "floor { id } number") { floor: Floor! number: Int! occupiedSince: String }
        type Floor @shareable { id: ID! }`,
      resolvers: {
        Account: { lastLogin: ({ id }: { id: string }) => logins[id] ?? null },
        Desk: { occupiedSince: ({ floor, number }: { floor: { id: string }; number: number }) => `${floor.id}-${number}-2020` },
      },
    },
  ],
  [
    {
      name: 'from the subgraph with both keys to one with each',
      query: '{ account(id: "a1") { name plan lastLogin } }',
      data: { account: { name: 'Ada', plan: 'pro', lastLogin: 'monday' } },
      errors: false,
    },
    {
      name: 'from a subgraph with one key, through the one with both, to one with the other',
      query: '{ topPayer { plan name lastLogin } }',
      data: { topPayer: { plan: 'free', name: 'Grace', lastLogin: 'tuesday' } },
      errors: false,
    },
    {
      name: 'a composite key with a nested object',
      query: '{ account(id: "a1") { desk { number occupiedSince floor { id } } } }',
      data: { account: { desk: { number: 7, occupiedSince: 'f1-7-2020', floor: { id: 'f1' } } } },
      errors: false,
    },
  ],
);

const books = [
  { id: 'b1', isbn: '111', authorId: 'w1' },
  { id: 'b2', isbn: null, authorId: null },
  { id: 'b3', isbn: '333', authorId: 'w2' },
];
const prices: Record<string, number> = { '111': 10, '333': 30 };
const writers: Record<string, string> = { w1: 'Le Guin', w2: 'Herbert' };

// Some books have no isbn (the key `prices` knows them by) and no author.
describeConformance(
  'null keys',
  [
    {
      name: 'shelf',
      typeDefs: `${federationLink('2.3', ['@key', '@shareable'])}
        type Book @key(fields: "id") { id: ID! isbn: String @shareable author: Writer }
        type Writer @key(fields: "id") { id: ID! }
        type Query { books: [Book!]! }`,
      resolvers: {
        Query: { books: () => books },
        Book: { author: ({ authorId }: { authorId: string | null }) => (authorId ? { id: authorId } : null) },
      },
    },
    {
      name: 'prices',
      typeDefs: `${federationLink('2.3', ['@key'])}
        type Book @key(fields: "isbn") { isbn: String price: Int }`,
      resolvers: { Book: { price: ({ isbn }: { isbn: string }) => prices[isbn] ?? null } },
    },
    {
      name: 'writers',
      typeDefs: `${federationLink('2.3', ['@key'])}
        type Writer @key(fields: "id") { id: ID! name: String! }`,
      resolvers: { Writer: { name: ({ id }: { id: string }) => writers[id] } },
    },
  ],
  [
    {
      name: 'an entity whose key is null is not looked up, and its fields are null',
      query: '{ books { id isbn price } }',
      data: {
        books: [
          { id: 'b1', isbn: '111', price: 10 },
          { id: 'b2', isbn: null, price: null },
          { id: 'b3', isbn: '333', price: 30 },
        ],
      },
      errors: false,
    },
    {
      name: 'a null reference among entities in a list',
      query: '{ books { id author { name } } }',
      data: { books: [{ id: 'b1', author: { name: 'Le Guin' } }, { id: 'b2', author: null }, { id: 'b3', author: { name: 'Herbert' } }] },
      errors: false,
    },
  ],
);

const people = [
  { id: 'p1', name: 'Ann', friendId: 'p2' },
  { id: 'p2', name: 'Bo', friendId: 'p1' },
];
const posts = [
  { id: 't1', title: 'Hello', authorId: 'p1' },
  { id: 't2', title: 'Again', authorId: 'p1' },
  { id: 't3', title: 'Reply', authorId: 'p2' },
];
const personById = (id: string) => people.find((person) => person.id === id);

// Person and Post refer to each other across two subgraphs, and people to people.
describeConformance(
  'circular references',
  [
    {
      name: 'people',
      typeDefs: `${federationLink('2.3', ['@key'])}
        type Person @key(fields: "id") { id: ID! name: String! friend: Person }
        type Query { person(id: ID!): Person }`,
      resolvers: {
        Query: { person: (_: unknown, { id }: { id: string }) => personById(id) },
        Person: {
          __resolveReference: ({ id }: { id: string }) => personById(id),
          friend: ({ friendId }: { friendId: string }) => personById(friendId),
        },
      },
    },
    {
      name: 'posts',
      typeDefs: `${federationLink('2.3', ['@key'])}
        type Person @key(fields: "id") { id: ID! posts: [Post!]! }
        type Post @key(fields: "id") { id: ID! title: String! author: Person! }`,
      resolvers: {
        Person: { posts: ({ id }: { id: string }) => posts.filter((post) => post.authorId === id) },
        Post: {
          __resolveReference: ({ id }: { id: string }) => posts.find((post) => post.id === id),
          author: ({ authorId }: { authorId: string }) => ({ id: authorId }),
        },
      },
    },
  ],
  [
    {
      name: 'back and forth between two subgraphs',
      query: '{ person(id: "p1") { name posts { title author { name friend { name posts { title author { id } } } } } } }',
      data: {
        person: {
          name: 'Ann',
          posts: [
            { title: 'Hello', author: { name: 'Ann', friend: { name: 'Bo', posts: [{ title: 'Reply', author: { id: 'p2' } }] } } },
            { title: 'Again', author: { name: 'Ann', friend: { name: 'Bo', posts: [{ title: 'Reply', author: { id: 'p2' } }] } } },
          ],
        },
      },
      errors: false,
    },
    {
      name: 'a cycle inside one subgraph',
      query: '{ person(id: "p2") { friend { friend { friend { name } } } } }',
      data: { person: { friend: { friend: { friend: { name: 'Ann' } } } } },
      errors: false,
    },
  ],
);

const nodes: Record<string, { __typename: string; id: string }> = {
  u1: { __typename: 'User', id: 'u1' },
  t1: { __typename: 'Post', id: 't1' },
};

// `nodes` answers Query.node for types whose fields other subgraphs own.
describeConformance(
  'the Node interface',
  [
    {
      name: 'nodes',
      typeDefs: `${federationLink('2.3', ['@key'])}
        interface Node { id: ID! }
        type User implements Node @key(fields: "id") { id: ID! }
        type Post implements Node @key(fields: "id") { id: ID! }
        type Query { node(id: ID!): Node }`,
      resolvers: { Query: { node: (_: unknown, { id }: { id: string }) => nodes[id] ?? null } },
    },
    {
      name: 'users',
      typeDefs: `${federationLink('2.3', ['@key'])}
        interface Node { id: ID! }
        type User implements Node @key(fields: "id") { id: ID! name: String! }`,
      resolvers: { User: { name: ({ id }: { id: string }) => `user ${id}` } },
    },
    {
      name: 'posts',
      typeDefs: `${federationLink('2.3', ['@key'])}
        interface Node { id: ID! }
        type Post implements Node @key(fields: "id") { id: ID! title: String! }`,
      resolvers: { Post: { title: ({ id }: { id: string }) => `post ${id}` } },
    },
  ],
  [
    {
      name: 'a node, with a field its own subgraph adds',
      query: '{ node(id: "u1") { id ... on User { name } } }',
      data: { node: { id: 'u1', name: 'user u1' } },
      errors: false,
    },
    {
      name: 'a node, with fragments for every type',
      query: '{ node(id: "t1") { __typename id ... on User { name } ... on Post { title } } }',
      data: { node: { __typename: 'Post', id: 't1', title: 'post t1' } },
      errors: false,
    },
    {
      name: 'a node through a named fragment on the interface',
      query: '{ a: node(id: "u1") { ...Ident } b: node(id: "nope") { ...Ident } } fragment Ident on Node { id ... on User { name } }',
      data: { a: { id: 'u1', name: 'user u1' }, b: null },
      errors: false,
    },
  ],
);
