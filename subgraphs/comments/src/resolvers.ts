import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { SubgraphClient } from '@bff/kit/client';
import { createBatchLoader, DataLoader, type PageArgs, type RequestContext } from '@bff/kit/subgraph';

import { ArticleCleanupSweep } from './articleCleanupSweep';
import { httpArticlesDirectory } from './articlesDirectory';
import * as service from './service';
import { type CommentRecord, getComments } from './store';

export interface CommentsContext extends RequestContext, service.CommentsDeps {
  commentCounts: DataLoader<string, number>;
}

/** Per process, like the client: one sweep at a time, however many requests arrive. */
export const cleanupSweep = new ArticleCleanupSweep();

export function createContext(base: RequestContext, articlesClient: SubgraphClient, articlesUrl: string | undefined): CommentsContext {
  const articles = httpArticlesDirectory(articlesClient, articlesUrl, base);
  cleanupSweep.maybeStart(articles, base.logger);
  return {
    ...base,
    comments: createBatchLoader(getComments),
    // All commentCount fields of a request in one BatchGetItem per 100 articles.
    commentCounts: new DataLoader<string, number>(async (ids) => {
      const counts = await service.readCommentCounts(ids);
      return ids.map((id) => counts.get(id) ?? 0);
    }),
    articles,
  };
}

export const resolvers: GraphQLResolverMap<CommentsContext> = {
  Query: {
    comment: (_: unknown, { id }: { id: string }, context: CommentsContext) => service.findComment(context.comments, id),
    comments: (_: unknown, args: PageArgs) => service.listAllComments(args),
    commentsForArticle: (_: unknown, { articleId, ...args }: PageArgs & { articleId: string }) =>
      service.listCommentsForArticle(articleId, args),
  },
  Mutation: {
    addComment: (_: unknown, { input }: { input: { articleId: string; body: string } }, context: CommentsContext) =>
      service.addComment(context, context.caller, input),
    deleteComment: (_: unknown, { id }: { id: string }, context: CommentsContext) => service.deleteComment(context, context.caller, id),
    purgeArticleComments: (_: unknown, { articleId }: { articleId: string }, context: CommentsContext) =>
      service.purgeArticleComments(context.caller, articleId),
  },
  Comment: {
    __resolveReference: ({ id }: { id: string }, context: CommentsContext) => service.findComment(context.comments, id),
    author: ({ authorId }: CommentRecord) => ({ __typename: 'User', id: authorId }),
    article: ({ articleId }: CommentRecord) => ({ __typename: 'Article', id: articleId }),
  },
  Article: {
    // Comments only adds fields to articles: the reference itself is all it needs.
    __resolveReference: ({ id }: { id: string }) => ({ id }),
    comments: ({ id }: { id: string }, args: PageArgs) => service.listCommentsForArticle(id, args),
    commentCount: ({ id }: { id: string }, _: unknown, context: CommentsContext) => context.commentCounts.load(id),
  },
  User: {
    __resolveReference: ({ id }: { id: string }) => ({ id }),
    comments: ({ id }: { id: string }, args: PageArgs) => service.listCommentsByAuthor(id, args),
  },
};
