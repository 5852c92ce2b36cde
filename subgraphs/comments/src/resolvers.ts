import { ServiceUnavailableError } from '@bff/kit/errors';
import { pageRequest } from '@bff/kit/subgraph';

import type { CommentsContext } from './commentsContext';
import type { Resolvers } from './generated/resolvers';
import type { UnsettledChange } from './service/commentsService';

/** Tells the reader the writer's change was not settled; a later read will. */
function logUnsettled(context: CommentsContext, unsettled: UnsettledChange | undefined): void {
  if (!unsettled) return;
  const { change, error } = unsettled;
  context.logger.error('Comment count change left for a later read to settle', { error: error as Error, commentId: change.commentId, kind: change.kind });
}

/** The request layer: GraphQL in, service calls out. */
export const resolvers: Resolvers = {
  Query: {
    comment: (_, { id }, context) => context.commentsById.load(id),
    comments: (_, args, context) => context.service.listComments({ of: 'everyone' }, pageRequest(args)),
    commentsForArticle: (_, { articleId, ...args }, context) => context.service.listComments({ of: 'article', articleId }, pageRequest(args)),
  },
  Mutation: {
    addComment: async (_, { input }, context) => {
      try {
        const { comment, unsettled } = await context.service.addComment(context.articles, context.caller, input);
        logUnsettled(context, unsettled);
        return comment;
      } catch (error) {
        if (error instanceof ServiceUnavailableError) context.logger.error('Could not check the article', { error: error.cause as Error, articleId: input.articleId });
        throw error;
      }
    },
    deleteComment: async (_, { id }, context) => {
      logUnsettled(context, (await context.service.deleteComment(context.caller, id)).unsettled);
      return true;
    },
    purgeArticleComments: (_, { articleId }, context) => context.service.purgeArticleComments(context.caller, articleId),
  },
  Comment: {
    __resolveReference: ({ id }, context) => context.commentsById.load(id),
    author: ({ authorId }) => ({ __typename: 'User', id: authorId }),
    article: ({ articleId }) => ({ __typename: 'Article', id: articleId }),
  },
  Article: {
    // Comments only adds fields to articles: the reference itself is all it needs.
    __resolveReference: ({ id }) => ({ id }),
    comments: ({ id }, args, context) => context.service.listComments({ of: 'article', articleId: id }, pageRequest(args)),
    commentCount: ({ id }, _, context) => context.commentCounts.load(id),
  },
  User: {
    __resolveReference: ({ id }) => ({ id }),
    comments: ({ id }, args, context) => context.service.listComments({ of: 'author', authorId: id }, pageRequest(args)),
  },
};
