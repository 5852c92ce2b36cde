import { createBatchLoader, type DataLoader, type RequestContext } from '@bff/kit';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';

import { findUser } from './service';
import { getUsers, type UserRecord } from './store';

export interface UsersContext extends RequestContext {
  users: DataLoader<string, UserRecord | null>;
}

export function createContext(base: RequestContext): UsersContext {
  return { ...base, users: createBatchLoader(getUsers) };
}

export const resolvers: GraphQLResolverMap<UsersContext> = {
  Query: {
    user: (_: unknown, { id }: { id: string }, context: UsersContext) => findUser(context.users, id),
  },
  User: {
    // Every `_entities` representation of a request lands in one BatchGetItem per 100 users.
    __resolveReference: ({ id }: { id: string }, context: UsersContext) => findUser(context.users, id),
  },
};
