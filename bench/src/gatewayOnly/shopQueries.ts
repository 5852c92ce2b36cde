/**
 * The storefront page: products with their stock, shipping and reviews, the
 * reviewers and what else they reviewed, and every user's reviews with the products'
 * other reviews. Entity joins on lists across all four subgraphs, several plan steps
 * deep (inventory's shipping estimate needs the price and weight from products).
 */
export const STOREFRONT_QUERY = `query Storefront {
  topProducts(first: 8) {
    upc name price inStock shippingEstimate
    reviews {
      id body rating
      author { id username reviews { id rating product { upc name inStock } } }
    }
  }
  users {
    id name username
    reviews {
      id body rating
      product { upc name price shippingEstimate reviews { id rating author { username } } }
    }
  }
}`;

/** A query the products subgraph answers alone: the overhead figure sends it both ways. */
export const ONE_SUBGRAPH_QUERY = '{ topProducts(first: 5) { upc name price weight } }';
