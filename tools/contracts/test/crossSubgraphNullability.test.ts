import { federationLink } from '@bff/test-support';

import { crossSubgraphNullability, describeNullabilityProblems } from '../src/crossSubgraphNullability';

describe('the cross-subgraph nullability rule', () => {
  const LINK = federationLink('2.7', ['@key', '@external', '@requires', '@shareable']);
  // products owns Product: it has the root query field that returns it.
  const products = {
    name: 'products',
    sdl: `${LINK}
      type Product @key(fields: "id") @key(fields: "sku") { id: ID! sku: String! name: String! upc: String! related: [Product!]! }
      type Query { product(id: ID!): Product topProducts: [Product!]! }`,
  };
  const reviews = (fields: string, reviewFields = 'id: ID!') => ({
    name: 'reviews',
    sdl: `${LINK}
      type Product @key(fields: "id") { id: ID! ${fields} }
      type Review @key(fields: "id") { ${reviewFields} }
      type Query { review(id: ID!): Review }`,
  });

  it('refuses a non-null field a subgraph adds to an entity another owns, naming the field and the owner', () => {
    const problems = crossSubgraphNullability([products, reviews('reviewCount: Int!')]);
    expect(problems).toEqual([
      { kind: 'non-null', subgraph: 'reviews', field: 'Product.reviewCount', type: 'Int!', reason: 'reviews adds it to Product, which is owned by products' },
    ]);
    expect(describeNullabilityProblems(problems)).toBe(
      'reviews: Product.reviewCount is Int! but reviews adds it to Product, which is owned by products: a field whose value comes from another subgraph must be nullable',
    );
  });

  it('refuses a non-null field whose type is an entity another subgraph owns, lists included', () => {
    const problems = crossSubgraphNullability([products, reviews('', 'id: ID! product: Product! alsoBought: [Product!]! seenWith: [Product!]')]);
    expect(problems.map(({ field, type, reason }) => [field, type, reason])).toEqual([
      ['Review.alsoBought', '[Product!]!', 'Product is owned by products'],
      ['Review.product', 'Product!', 'Product is owned by products'],
    ]);
    expect(describeNullabilityProblems(problems)).toContain(
      'reviews: Review.product is Product! but Product is owned by products: a field whose value comes from another subgraph must be nullable',
    );
  });

  it('lets nullable fields, key fields (of every key) and @external fields through', () => {
    const sdl = reviews('sku: String! upc: String! @external reviewCount: Int @requires(fields: "upc") topReview: Review', 'id: ID! product: Product').sdl;
    expect(crossSubgraphNullability([products, { name: 'reviews', sdl: sdl.replace('@key(fields: "id")', '@key(fields: "id") @key(fields: "sku")') }])).toEqual([]);
  });

  it('does not flag the owner’s own fields, nor fields of its own entities in other subgraphs’ types', () => {
    // products' Product.related is [Product!]!, and reviews' Review fields are its own.
    expect(crossSubgraphNullability([products, reviews('', 'id: ID! body: String! replies: [Review!]!')])).toEqual([]);
  });

  it('reads federation directives imported under another name', () => {
    const aliased = {
      name: 'reviews',
      sdl: `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: [{ name: "@key", as: "@primaryKey" }])
        type Product @primaryKey(fields: "id") { id: ID! reviewCount: Int! }`,
    };
    expect(crossSubgraphNullability([products, aliased]).map((problem) => problem.field)).toEqual(['Product.reviewCount']);
  });

  it('without a root query field, gives an entity to the subgraph resolving most of its fields, and asks when that is a tie', () => {
    const a = (fields: string) => ({ name: 'a', sdl: `${LINK} type Thing @key(fields: "id") { id: ID! ${fields} }` });
    const b = { name: 'b', sdl: `${LINK} type Thing @key(fields: "id") { id: ID! weight: Int! }` };
    expect(crossSubgraphNullability([a('name: String! colour: String!'), b]).map(({ subgraph, field }) => `${subgraph}: ${field}`)).toEqual(['b: Thing.weight']);
    const tie = crossSubgraphNullability([a('name: String!'), b]);
    expect(tie).toEqual([expect.objectContaining({ kind: 'ambiguous-owner', subgraph: 'a, b', field: 'Thing' })]);
    expect(describeNullabilityProblems(tie)).toBe(
      'a, b: cannot tell which subgraph owns Thing: a and b each resolve 1 of its fields; give its owner a root query field returning it',
    );
  });
});
