import { federationLink } from '@bff/test-support';

import { describeConformance } from './describeConformance';

const category = { id: 'c1', name: 'Tools' };
const products = [{ id: 'p1', name: 'Hammer', price: 12, category }];
const reviews = [{ id: 'r1', body: 'Solid', product: { id: 'p1', name: 'Hammer', category } }];

// `reviews` can return a product's name and its category's name itself (@provides, nested).
describeConformance(
  '@provides, nested',
  [
    {
      name: 'products',
      typeDefs: `${federationLink('2.3', ['@key'])}
        type Product @key(fields: "id") { id: ID! name: String! price: Int! category: Category! }
        type Category @key(fields: "id") { id: ID! name: String! }`,
      resolvers: {
        Product: { __resolveReference: ({ id }: { id: string }) => products.find((product) => product.id === id) },
        Category: { __resolveReference: ({ id }: { id: string }) => (id === category.id ? category : null) },
      },
    },
    {
      name: 'reviews',
      typeDefs: `${federationLink('2.3', ['@key', '@external', '@provides'])}
        type Review { id: ID! body: String! product: Product! @provides(fields: "name category { name }") }
        type Product @key(fields: "id") { id: ID! name: String! @external category: Category! @external }
        type Category @key(fields: "id") { id: ID! name: String! @external }
        type Query { reviews: [Review!]! }`,
      resolvers: { Query: { reviews: () => reviews } },
    },
  ],
  [
    {
      name: 'provided fields, nested',
      query: '{ reviews { body product { name category { name } } } }',
      data: { reviews: [{ body: 'Solid', product: { name: 'Hammer', category: { name: 'Tools' } } }] },
      errors: false,
    },
    {
      name: 'provided fields beside one that is not',
      query: '{ reviews { product { name price category { id name } } } }',
      data: { reviews: [{ product: { name: 'Hammer', price: 12, category: { id: 'c1', name: 'Tools' } } }] },
      errors: false,
    },
  ],
);

const catalogue: Record<string, { __typename: string; id: string; title: string; author?: string; director?: string }> = {
  b1: { __typename: 'Book', id: 'b1', title: 'Dune', author: 'Herbert' },
  m1: { __typename: 'Movie', id: 'm1', title: 'Alien', director: 'Scott' },
};

// `picks` returns media through an interface and a union, providing the titles of some members;
// `otherPicks` provides nothing, so every title it needs comes from `catalogue`.
describeConformance(
  '@provides on interfaces and unions',
  [
    {
      name: 'catalogue',
      typeDefs: `${federationLink('2.3', ['@key'])}
        interface Media { id: ID! title: String! }
        type Book implements Media @key(fields: "id") { id: ID! title: String! author: String! }
        type Movie implements Media @key(fields: "id") { id: ID! title: String! director: String! }`,
      resolvers: {
        Book: { __resolveReference: ({ id }: { id: string }) => catalogue[id] },
        Movie: { __resolveReference: ({ id }: { id: string }) => catalogue[id] },
      },
    },
    {
      name: 'picks',
      typeDefs: `${federationLink('2.3', ['@key', '@external', '@provides'])}
        interface Media { id: ID! title: String! }
        type Book implements Media @key(fields: "id") { id: ID! title: String! @external }
        type Movie implements Media @key(fields: "id") { id: ID! title: String! @external }
        union Pick = Book | Movie
        type Query {
          picks: [Media!]! @provides(fields: "... on Book { title } ... on Movie { title }")
          pickUnion: [Pick!]! @provides(fields: "... on Book { title }")
          otherPicks: [Media!]!
        }`,
      resolvers: {
        Query: {
          picks: () => [catalogue.b1, catalogue.m1],
          pickUnion: () => [catalogue.b1, { __typename: 'Movie', id: 'm1' }],
          otherPicks: () => [{ __typename: 'Movie', id: 'm1' }],
        },
      },
    },
  ],
  [
    {
      name: 'provided on every member of an interface, beside fields that are not',
      query: '{ picks { __typename id ... on Book { title author } ... on Movie { title director } } }',
      data: {
        picks: [
          { __typename: 'Book', id: 'b1', title: 'Dune', author: 'Herbert' },
          { __typename: 'Movie', id: 'm1', title: 'Alien', director: 'Scott' },
        ],
      },
      errors: false,
    },
    {
      name: 'provided on one member of a union, fetched for the other',
      query: '{ pickUnion { ... on Book { title } ... on Movie { title } } }',
      data: { pickUnion: [{ title: 'Dune' }, { title: 'Alien' }] },
      errors: false,
    },
    {
      name: 'an interface field, provided through the implementations',
      query: '{ picks { title } pickUnion { ... on Media { id title } } }',
      data: { picks: [{ title: 'Dune' }, { title: 'Alien' }], pickUnion: [{ id: 'b1', title: 'Dune' }, { id: 'm1', title: 'Alien' }] },
      errors: false,
    },
    {
      name: 'an interface field every implementation in the subgraph marks @external, not provided on this path',
      query: '{ otherPicks { __typename title ... on Movie { director } } }',
      data: { otherPicks: [{ __typename: 'Movie', title: 'Alien', director: 'Scott' }] },
      errors: false,
    },
  ],
);

const users = [
  { id: 'u1', name: 'Ada' },
  { id: 'u2', name: 'Alan' },
];

// `reviews` extends User with `extend type` and an @external key, the style many subgraphs still use.
describeConformance(
  '@external keys on an extended type',
  [
    {
      name: 'users',
      typeDefs: `${federationLink('2.3', ['@key'])}
        type User @key(fields: "id") { id: ID! name: String! }
        type Query { users: [User!]! }`,
      resolvers: {
        Query: { users: () => users },
        User: { __resolveReference: ({ id }: { id: string }) => users.find((user) => user.id === id) },
      },
    },
    {
      name: 'reviews',
      typeDefs: `${federationLink('2.3', ['@key', '@external'])}
        extend type User @key(fields: "id") { id: ID! @external reviewCount: Int! }
        type Query { topReviewer: User }`,
      resolvers: {
        Query: { topReviewer: () => ({ id: 'u2' }) },
        User: { reviewCount: ({ id }: { id: string }) => (id === 'u1' ? 3 : 7) },
      },
    },
  ],
  [
    {
      name: 'fields of the extension on the owner’s entities',
      query: '{ users { name reviewCount } }',
      data: { users: [{ name: 'Ada', reviewCount: 3 }, { name: 'Alan', reviewCount: 7 }] },
      errors: false,
    },
    {
      name: 'the owner’s fields on an entity the extension returns',
      query: '{ topReviewer { id name reviewCount } }',
      data: { topReviewer: { id: 'u2', name: 'Alan', reviewCount: 7 } },
      errors: false,
    },
  ],
);
