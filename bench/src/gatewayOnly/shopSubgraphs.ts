// The four subgraphs of the gateway-only scenario, over the in-memory shop: each is
// served by the kit's real subgraph handler (signature check, Apollo Server, logging),
// and answers from memory, so that the gateway in front of them is what is measured.
import type { RequestContext, SubgraphOptions } from '@bff/kit/subgraph';

import { type ShopData, type ShopReview, shopData } from './shopData';

export const SHOP_SUBGRAPH_NAMES = ['accounts', 'products', 'inventory', 'reviews'] as const;
export type ShopSubgraphName = (typeof SHOP_SUBGRAPH_NAMES)[number];

type Resolvers = SubgraphOptions<RequestContext>['resolvers'];

const LINK = (imports: string[]) =>
  `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: [${imports.map((name) => `"${name}"`).join(', ')}])`;

const SDL: Record<ShopSubgraphName, string> = {
  accounts: `${LINK(['@key'])}
type Query {
  users: [User!]!
  user(id: ID!): User
}
type User @key(fields: "id") {
  id: ID!
  name: String!
  username: String!
}
`,
  products: `${LINK(['@key'])}
type Query {
  topProducts(first: Int = 5): [Product!]!
  product(upc: String!): Product
}
type Product @key(fields: "upc") {
  upc: String!
  name: String!
  "In cents."
  price: Int!
  "In grams."
  weight: Int!
}
`,
  inventory: `${LINK(['@key', '@external', '@requires'])}
type Product @key(fields: "upc") {
  upc: String!
  price: Int! @external
  weight: Int! @external
  inStock: Boolean!
  "Shipping in cents: needs the price and weight the products service owns."
  shippingEstimate: Int @requires(fields: "price weight")
}
`,
  reviews: `${LINK(['@key'])}
type Query {
  review(id: ID!): Review
}
type Review @key(fields: "id") {
  id: ID!
  body: String!
  rating: Int!
  author: User
  product: Product
}
type User @key(fields: "id") {
  id: ID!
  reviews: [Review!]
}
type Product @key(fields: "upc") {
  upc: String!
  reviews: [Review!]
}
`,
};

function byKey<T, K extends keyof T>(items: T[], key: K): Map<T[K], T> {
  return new Map(items.map((item) => [item[key], item]));
}

function groupBy(reviews: ShopReview[], key: 'authorId' | 'upc'): Map<string, ShopReview[]> {
  const groups = new Map<string, ShopReview[]>();
  for (const review of reviews) groups.set(review[key], [...(groups.get(review[key]) ?? []), review]);
  return groups;
}

function resolversFor(name: ShopSubgraphName, data: ShopData): Resolvers {
  switch (name) {
    case 'accounts': {
      const users = byKey(data.users, 'id');
      return {
        Query: { users: () => data.users, user: (_: unknown, { id }: { id: string }) => users.get(id) ?? null },
        User: { __resolveReference: ({ id }: { id: string }) => users.get(id) ?? null },
      };
    }
    case 'products': {
      const products = byKey(data.products, 'upc');
      return {
        Query: {
          topProducts: (_: unknown, { first }: { first: number }) => data.products.slice(0, Math.max(0, first)),
          product: (_: unknown, { upc }: { upc: string }) => products.get(upc) ?? null,
        },
        Product: { __resolveReference: ({ upc }: { upc: string }) => products.get(upc) ?? null },
      };
    }
    case 'inventory': {
      const stock = byKey(data.stock, 'upc');
      return {
        Product: {
          __resolveReference: (reference: { upc: string; price?: number; weight?: number }) => ({ ...reference, ...stock.get(reference.upc) }),
          // Free above 100.00; else by weight, a little more from the far warehouses.
          shippingEstimate: ({ price, weight, warehouse }: { price?: number; weight?: number; warehouse?: string }) =>
            price === undefined || weight === undefined ? null : price > 10_000 ? 0 : Math.round(weight / 10) + (warehouse === 'north' ? 150 : 90),
        },
      };
    }
    case 'reviews': {
      const reviews = byKey(data.reviews, 'id');
      const byAuthor = groupBy(data.reviews, 'authorId');
      const byProduct = groupBy(data.reviews, 'upc');
      return {
        Query: { review: (_: unknown, { id }: { id: string }) => reviews.get(id) ?? null },
        Review: {
          __resolveReference: ({ id }: { id: string }) => reviews.get(id) ?? null,
          author: (review: ShopReview) => ({ __typename: 'User', id: review.authorId }),
          product: (review: ShopReview) => ({ __typename: 'Product', upc: review.upc }),
        },
        User: { reviews: ({ id }: { id: string }) => byAuthor.get(id) ?? [] },
        Product: { reviews: ({ upc }: { upc: string }) => byProduct.get(upc) ?? [] },
      };
    }
  }
}

/** One subgraph of the shop: what `createSubgraphHandler` takes, but for the settings and keys its process parsed. */
export function shopSubgraph(name: ShopSubgraphName, data: ShopData = shopData()): Pick<SubgraphOptions<RequestContext>, 'name' | 'typeDefs' | 'resolvers'> {
  return { name, typeDefs: SDL[name], resolvers: resolversFor(name, data) };
}

/** The SDL of one subgraph, for the registry the gateways read. */
export const shopSdl = (name: ShopSubgraphName): string => SDL[name];
