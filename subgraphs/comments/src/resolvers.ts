import { createBatchLoader, type DataLoader, type RequestContext } from '@bff/kit';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';

import { commentsForArticle, findComment } from './service';
import { type CommentRecord, getComments } from './store';

export interface CommentsContext extends RequestContext {
  comments: DataLoader<string, CommentRecord | null>;
}

export function createContext(base: RequestContext): CommentsContext {
  return { ...base, comments: createBatchLoader(getComments) };
}

export const resolvers: GraphQLResolverMap<CommentsContext> = {
  Query: {
    comment: (_: unknown, { id }: { id: string }, context: CommentsContext) => findComment(context.comments, id),
    commentsForArticle: (_: unknown, { articleId }: { articleId: string }) => commentsForArticle(articleId),
  },
  Comment: {
    __resolveReference: ({ id }: { id: string }, context: CommentsContext) => findComment(context.comments, id),
    author: ({ authorId }: CommentRecord) => ({ __typename: 'User', id: authorId }),
    article: ({ articleId }: CommentRecord) => ({ __typename: 'Article', id: articleId }),
  },
  Article: {
    // Comments only adds fields to articles: the reference itself is all it needs.
    __resolveReference: ({ id }: { id: string }) => ({ id }),
    comments: ({ id }: { id: string }) => commentsForArticle(id),
  },
};
