import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { createBatchLoader, type DataLoader, type RequestContext, TooManyRequestsError } from '@bff/kit/subgraph';

import { findUser, findUsers, login, register, toPublicUser } from './service';
import { getUsers, type UserRecord } from './store';

export interface UsersContext extends RequestContext {
  users: DataLoader<string, UserRecord | null>;
}

export function createContext(base: RequestContext): UsersContext {
  return { ...base, users: createBatchLoader(getUsers) };
}

const visible = (context: UsersContext) => (user: UserRecord | null) => (user ? toPublicUser(user, context.caller) : null);

export const resolvers: GraphQLResolverMap<UsersContext> = {
  Query: {
    me: async (_: unknown, __: unknown, context: UsersContext) =>
      context.caller ? visible(context)(await findUser(context.users, context.caller.userId)) : null,
    user: async (_: unknown, { id }: { id: string }, context: UsersContext) => visible(context)(await findUser(context.users, id)),
    users: async (_: unknown, { ids }: { ids: string[] }, context: UsersContext) =>
      (await findUsers(context.users, ids)).map(visible(context)),
  },
  Mutation: {
    register: (_: unknown, { input }: { input: { name: string; email: string; password: string } }) => register(input),
    login: async (_: unknown, { email, password }: { email: string; password: string }, context: UsersContext) => {
      try {
        return await login(email, password, context.sourceIp);
      } catch (error) {
        // A line to alarm on: someone is guessing passwords, or spending our CPU on scrypt.
        if (error instanceof TooManyRequestsError) context.logger.warn('Login refused over its limit', { reason: error.message });
        throw error;
      }
    },
  },
  User: {
    // Every `_entities` representation of a request lands in one BatchGetItem per 100 users.
    __resolveReference: async ({ id }: { id: string }, context: UsersContext) => visible(context)(await findUser(context.users, id)),
  },
};
