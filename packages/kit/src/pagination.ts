import { BadUserInputError } from './errors';

const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** A validated request for one page of a list. */
export interface PageRequest {
  first: number;
  after?: string;
}

/** One page of a list, shaped as the GraphQL connection types are. */
export interface Connection<T> {
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** `first` and `after` as a connection field receives them. */
export type PageArgs = { first?: number | null; after?: string | null };

/** Checks `first` and `after` as clients send them (null and absent mean the default). */
export function pageRequest(args: PageArgs): PageRequest {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new BadUserInputError(`"first" must be between 1 and ${MAX_PAGE_SIZE}.`);
  }
  return args.after === undefined || args.after === null ? { first } : { first, after: args.after };
}

/** Turns a page of stored records into a page of something else. */
export function mapConnection<T, U>(page: Connection<T>, map: (node: T) => U): Connection<U> {
  return { nodes: page.nodes.map(map), pageInfo: page.pageInfo };
}
