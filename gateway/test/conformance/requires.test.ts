import { federationLink } from '@bff/test-support';

import { describeConformance } from './describeConformance';

const products = [
  { id: 'p1', grams: 1500, price: 20 },
  { id: 'p2', grams: 250, price: 5 },
];
const productById = (id: string) => products.find((product) => product.id === id);

// `shipping` needs a field of `products` that takes an argument, and takes arguments itself.
describeConformance(
  '@requires with arguments',
  [
    {
      name: 'products',
      typeDefs: `${federationLink('2.3', ['@key'])}
        enum Unit { GRAM KILOGRAM }
        type Product @key(fields: "id") { id: ID! weight(unit: Unit! = GRAM): Float! price: Int! }
        type Query { products: [Product!]! }`,
      resolvers: {
        Query: { products: () => products },
        Product: {
          __resolveReference: ({ id }: { id: string }) => productById(id),
          weight: ({ grams }: { grams: number }, { unit }: { unit: string }) => (unit === 'KILOGRAM' ? grams / 1000 : grams),
        },
      },
    },
    {
      name: 'shipping',
      typeDefs: `${federationLink('2.3', ['@key', '@external', '@requires'])}
        enum Unit { GRAM KILOGRAM }
        type Product @key(fields: "id") {
          id: ID!
          weight(unit: Unit! = GRAM): Float! @external
          price: Int! @external
          shippingCost: Int! @requires(fields: "weight(unit: KILOGRAM)")
          insurance(percent: Int!): Int! @requires(fields: "price")
        }`,
      resolvers: {
        Product: {
          shippingCost: ({ weight }: { weight: number }) => Math.ceil(weight * 4),
          insurance: ({ price }: { price: number }, { percent }: { percent: number }) => (price * percent) / 100,
        },
      },
    },
  ],
  [
    {
      name: 'a required field with an argument',
      query: '{ products { id shippingCost } }',
      data: { products: [{ id: 'p1', shippingCost: 6 }, { id: 'p2', shippingCost: 1 }] },
      errors: false,
    },
    {
      name: 'the required field also asked for, with another argument',
      query: '{ products { weight shippingCost kg: weight(unit: KILOGRAM) } }',
      data: { products: [{ weight: 1500, shippingCost: 6, kg: 1.5 }, { weight: 250, shippingCost: 1, kg: 0.25 }] },
      errors: false,
      apolloGateway: {
        why: 'it sends `shipping` the client’s `weight` (in grams) as the required `weight(unit: KILOGRAM)`',
        data: { products: [{ weight: 1500, shippingCost: 6000, kg: 1.5 }, { weight: 250, shippingCost: 1000, kg: 0.25 }] },
        errors: false,
      },
    },
    {
      name: 'a field with @requires that takes an argument, from a variable',
      query: 'query ($percent: Int!) { products { insurance(percent: $percent) } }',
      variables: { percent: 40 },
      data: { products: [{ insurance: 8 }, { insurance: 2 }] },
      errors: false,
    },
  ],
);

const parcels = [
  { id: 'p1', packaging: { __typename: 'Box', size: 3 } },
  { id: 'p2', packaging: { __typename: 'Envelope', weight: 2 } },
];

// `delivery` requires a union field of `catalog`, through inline fragments on its members.
describeConformance(
  '@requires with fragments',
  [
    {
      name: 'catalog',
      typeDefs: `${federationLink('2.3', ['@key', '@shareable'])}
        type Product @key(fields: "id") { id: ID! packaging: Packaging! }
        union Packaging = Box | Envelope
        type Box @shareable { size: Int! }
        type Envelope @shareable { weight: Int! }
        type Query { parcels: [Product!]! }`,
      resolvers: {
        Query: { parcels: () => parcels },
        Product: { __resolveReference: ({ id }: { id: string }) => parcels.find((parcel) => parcel.id === id) },
      },
    },
    {
      name: 'delivery',
      typeDefs: `${federationLink('2.3', ['@key', '@shareable', '@external', '@requires'])}
        type Product @key(fields: "id") {
          id: ID!
          packaging: Packaging! @external
          deliveryDays: Int! @requires(fields: "packaging { __typename ... on Box { size } ... on Envelope { weight } }")
        }
        union Packaging = Box | Envelope
        type Box @shareable { size: Int! }
        type Envelope @shareable { weight: Int! }`,
      resolvers: {
        Product: {
          deliveryDays: ({ packaging }: { packaging: { __typename: string; size?: number; weight?: number } }) =>
            packaging.__typename === 'Box' ? (packaging.size ?? 0) + 1 : (packaging.weight ?? 0) * 10,
        },
      },
    },
  ],
  [
    {
      name: 'a required union field, per member',
      query: '{ parcels { id deliveryDays } }',
      data: { parcels: [{ id: 'p1', deliveryDays: 4 }, { id: 'p2', deliveryDays: 20 }] },
      errors: false,
    },
    {
      name: 'the required field also asked for, with other members selected',
      query: '{ parcels { deliveryDays packaging { __typename ... on Envelope { weight } } } }',
      data: { parcels: [{ deliveryDays: 4, packaging: { __typename: 'Box' } }, { deliveryDays: 20, packaging: { __typename: 'Envelope', weight: 2 } }] },
      errors: false,
    },
  ],
);

const items = [
  { id: 'i1', price: 100 },
  { id: 'i2', price: 40 },
];

// `total` in `checkout` requires `tax` from `taxes`, which requires `price` from `items`.
describeConformance(
  '@requires chained across subgraphs',
  [
    {
      name: 'items',
      typeDefs: `${federationLink('2.3', ['@key'])}
        type Item @key(fields: "id") { id: ID! price: Int! }
        type Query { items: [Item!]! }`,
      resolvers: {
        Query: { items: () => items },
        Item: { __resolveReference: ({ id }: { id: string }) => items.find((item) => item.id === id) },
      },
    },
    {
      name: 'taxes',
      typeDefs: `${federationLink('2.3', ['@key', '@external', '@requires'])}
        type Item @key(fields: "id") { id: ID! price: Int! @external tax: Int! @requires(fields: "price") }`,
      resolvers: { Item: { tax: ({ price }: { price: number }) => price / 5 } },
    },
    {
      name: 'checkout',
      typeDefs: `${federationLink('2.3', ['@key', '@external', '@requires'])}
        type Item @key(fields: "id") { id: ID! tax: Int! @external price: Int! @external total: Int! @requires(fields: "price tax") }`,
      resolvers: { Item: { total: ({ price, tax }: { price: number; tax: number }) => price + tax } },
    },
  ],
  [
    {
      name: 'a field whose requirement has a requirement',
      query: '{ items { id total } }',
      data: { items: [{ id: 'i1', total: 120 }, { id: 'i2', total: 48 }] },
      errors: false,
    },
    {
      name: 'every step asked for',
      query: '{ items { total tax price } }',
      data: { items: [{ total: 120, tax: 20, price: 100 }, { total: 48, tax: 8, price: 40 }] },
      errors: false,
    },
  ],
);
