import { TooManyRequestsError } from '@bff/kit/errors';

import type { Resolvers } from './generated/resolvers';
import type { UserRecord } from './service/usersRepository';
import { checkUserIds, toPublicUser } from './service/usersService';
import type { UsersContext } from './usersContext';

const visible = (context: UsersContext) => (user: UserRecord | null) => (user ? toPublicUser(user, context.caller) : null);

/** The request layer: GraphQL in, service calls out. */
export const resolvers: Resolvers = {
  Query: {
    me: async (_, __, context) => (context.caller ? visible(context)(await context.usersById.load(context.caller.userId)) : null),
    user: async (_, { id }, context) => visible(context)(await context.usersById.load(id)),
    users: async (_, { ids }, context) => {
      checkUserIds(ids);
      return (await Promise.all(ids.map((id) => context.usersById.load(id)))).map(visible(context));
    },
  },
  Mutation: {
    register: (_, { input }, context) => context.service.register(input),
    login: async (_, { email, password }, context) => {
      try {
        return await context.service.login(email, password, context.sourceIp);
      } catch (error) {
        // A line to alarm on: someone is guessing passwords, or spending our CPU on scrypt.
        if (error instanceof TooManyRequestsError) context.logger.warn('Login refused over its limit', { reason: error.message });
        throw error;
      }
    },
  },
  User: {
    // Every `_entities` representation of a request lands in one BatchGetItem per 100 users.
    __resolveReference: async ({ id }, context) => visible(context)(await context.usersById.load(id)),
  },
};
