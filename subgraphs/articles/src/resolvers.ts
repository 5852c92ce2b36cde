import { pageRequest } from '@bff/kit/subgraph';

import type { Resolvers } from './generated/resolvers';
import { logArticleDeletion } from './logArticleDeletion';

/** The request layer: GraphQL in, service calls out. */
export const resolvers: Resolvers = {
  Query: {
    article: (_, { id }, context) => context.articlesById.load(id),
    articles: (_, args, context) => context.service.listArticles(pageRequest(args)),
    pendingArticleDeletions: (_, { first }, context) => context.service.listPendingDeletions(context.caller, first),
  },
  Mutation: {
    createArticle: (_, { input }, context) => context.service.createArticle(context.caller, input),
    updateArticle: (_, { id, input }, context) => context.service.updateArticle(context.caller, id, input),
    deleteArticle: async (_, { id }, context) => {
      logArticleDeletion(context.logger, id, await context.service.deleteArticle(context.caller, id));
      return true;
    },
    confirmArticleCleanup: (_, { id }, context) => context.service.confirmDeletionCleanup(context.caller, id),
  },
  Article: {
    __resolveReference: ({ id }, context) => context.articlesById.load(id),
    // The users subgraph resolves the rest of the author from this reference.
    author: ({ authorId }) => ({ __typename: 'User', id: authorId }),
  },
  User: {
    __resolveReference: ({ id }) => ({ id }),
    articles: ({ id }, args, context) => context.service.listArticlesByAuthor(id, pageRequest(args)),
  },
};
