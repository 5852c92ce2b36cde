import { federationLink } from '@bff/test-support';

import { describeConformance } from './describeConformance';

const products = [
  { id: 'p1', name: 'Pen' },
  { id: 'p2', name: 'Ink' },
];
const stock: Record<string, boolean> = { p1: true, p2: false };
// One counter behind both subgraphs' mutations, so their order shows in the answers.
let counter = 0;

describeConformance(
  'operations: __typename, @include and @skip, mutations in order',
  [
    {
      name: 'shop',
      typeDefs: `${federationLink('2.3', ['@key'])}
        type Product @key(fields: "id") { id: ID! name: String! }
        type Query { products: [Product!]! }
        type Mutation { reset: Int! add(n: Int!): Int! }`,
      resolvers: {
        Query: { products: () => products },
        Product: { __resolveReference: ({ id }: { id: string }) => products.find((product) => product.id === id) },
        Mutation: {
          reset: () => (counter = 0),
          add: (_: unknown, { n }: { n: number }) => (counter += n),
        },
      },
    },
    {
      name: 'stock',
      typeDefs: `${federationLink('2.3', ['@key'])}
        type Product @key(fields: "id") { id: ID! inStock: Boolean! }
        type Mutation { double: Int! }`,
      resolvers: {
        Product: { inStock: ({ id }: { id: string }) => stock[id] },
        Mutation: { double: () => (counter *= 2) },
      },
    },
  ],
  [
    {
      name: '__typename of the query root',
      query: '{ __typename }',
      data: { __typename: 'Query' },
      errors: false,
    },
    {
      name: '__typename of the mutation root',
      query: 'mutation { __typename }',
      data: { __typename: 'Mutation' },
      errors: false,
    },
    {
      name: '__typename beside fields from two subgraphs, aliased too',
      query: '{ products { __typename id kind: __typename inStock } t: __typename }',
      data: {
        products: [
          { __typename: 'Product', id: 'p1', kind: 'Product', inStock: true },
          { __typename: 'Product', id: 'p2', kind: 'Product', inStock: false },
        ],
        t: 'Query',
      },
      errors: false,
    },
    {
      name: '@include(if: false) on a field another subgraph resolves',
      query: 'query ($with: Boolean!) { products { name inStock @include(if: $with) } }',
      variables: { with: false },
      data: { products: [{ name: 'Pen' }, { name: 'Ink' }] },
      errors: false,
    },
    {
      name: '@include(if: true) on a field another subgraph resolves',
      query: 'query ($with: Boolean!) { products { name inStock @include(if: $with) } }',
      variables: { with: true },
      data: { products: [{ name: 'Pen', inStock: true }, { name: 'Ink', inStock: false }] },
      errors: false,
    },
    {
      name: '@skip on fragments, and on the only field of a subgraph',
      query: 'query ($skip: Boolean!) { products { id ... @skip(if: $skip) { name } ...Stock @skip(if: true) } } fragment Stock on Product { inStock }',
      variables: { skip: true },
      data: { products: [{ id: 'p1' }, { id: 'p2' }] },
      errors: false,
    },
    {
      name: 'mutations across two subgraphs, one after another in document order',
      query: 'mutation { r: reset a: add(n: 2) d: double b: add(n: 1) e: double }',
      data: { r: 0, a: 2, d: 4, b: 5, e: 10 },
      errors: false,
    },
  ],
);
