// The in-memory data of the gateway-only scenario: a small shop of users, products,
// stock and reviews. Made from indices alone (no randomness), so every run and every
// process builds the same data and the checked answer never changes.

export interface ShopUser {
  id: string;
  name: string;
  username: string;
}

export interface ShopProduct {
  upc: string;
  name: string;
  /** In cents. */
  price: number;
  /** In grams. */
  weight: number;
}

export interface ShopStock {
  upc: string;
  inStock: boolean;
  /** Where the parcel leaves from: part of the shipping estimate. */
  warehouse: string;
}

export interface ShopReview {
  id: string;
  body: string;
  rating: number;
  authorId: string;
  upc: string;
}

export interface ShopData {
  users: ShopUser[];
  products: ShopProduct[];
  stock: ShopStock[];
  reviews: ShopReview[];
}

const FIRST_NAMES = ['Ada', 'Grace', 'Alan', 'Katherine', 'Edsger', 'Barbara', 'Donald', 'Frances', 'John', 'Radia', 'Niklaus', 'Margaret'];
const LAST_NAMES = ['Lovelace', 'Hopper', 'Turing', 'Johnson', 'Dijkstra', 'Liskov', 'Knuth', 'Allen', 'Backus', 'Perlman', 'Wirth', 'Hamilton'];
const ADJECTIVES = ['sturdy', 'compact', 'quiet', 'bright', 'light', 'handy', 'solid', 'clever', 'simple', 'robust'];
const NOUNS = ['kettle', 'lamp', 'backpack', 'keyboard', 'teapot', 'notebook', 'bicycle bell', 'desk fan', 'umbrella', 'toolbox', 'headphones', 'water bottle'];
const OPINIONS = [
  'does exactly what it says on the box',
  'arrived a day early and well packed',
  'is smaller than the pictures suggest',
  'has lasted a whole year of daily use',
  'was a thoughtful gift and much liked',
  'feels cheaper than its price',
  'is the second one I have bought',
  'needed a part replaced after a month',
];
const WAREHOUSES = ['north', 'south', 'east', 'west'];

/** The shop with `users` users, `products` products and `reviewsPerUser` reviews by each user. */
export function shopData({ users = 12, products = 12, reviewsPerUser = 5 } = {}): ShopData {
  const shopUsers = Array.from({ length: users }, (_, i): ShopUser => {
    const first = FIRST_NAMES[i % FIRST_NAMES.length]!;
    const last = LAST_NAMES[(i * 5) % LAST_NAMES.length]!;
    return { id: `user-${i + 1}`, name: `${first} ${last}`, username: `${first.toLowerCase()}.${last.toLowerCase()}${i + 1}` };
  });
  const shopProducts = Array.from({ length: products }, (_, i): ShopProduct => ({
    upc: `upc-${String(1000 + i)}`,
    name: `${ADJECTIVES[i % ADJECTIVES.length]!} ${NOUNS[i % NOUNS.length]!}`,
    price: 499 + ((i * 1_337) % 20_000),
    weight: 150 + ((i * 211) % 4_000),
  }));
  const stock = shopProducts.map((product, i): ShopStock => ({ upc: product.upc, inStock: i % 4 !== 3, warehouse: WAREHOUSES[i % WAREHOUSES.length]! }));
  const reviews = shopUsers.flatMap((user, u) =>
    Array.from({ length: reviewsPerUser }, (_, r): ShopReview => {
      const product = shopProducts[(u * 3 + r * 7) % shopProducts.length]!;
      return {
        id: `review-${u * reviewsPerUser + r + 1}`,
        body: `This ${product.name} ${OPINIONS[(u + r) % OPINIONS.length]!}; ${OPINIONS[(u * 2 + r + 3) % OPINIONS.length]!}.`,
        rating: 1 + ((u + r * 2) % 5),
        authorId: user.id,
        upc: product.upc,
      };
    }),
  );
  return { users: shopUsers, products: shopProducts, stock, reviews };
}
