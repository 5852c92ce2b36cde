import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { SubgraphClient } from '@bff/kit/client';
import { createBatchLoader, type PageArgs, type RequestContext } from '@bff/kit/subgraph';

import { httpCommentsCleaner } from './commentsCleaner';
import * as service from './service';
import { type ArticleRecord, getArticles } from './store';

export interface ArticlesContext extends RequestContext, service.ArticlesDeps {}

export function createContext(base: RequestContext, commentsClient: SubgraphClient, commentsUrl: string | undefined): ArticlesContext {
  return { ...base, articles: createBatchLoader(getArticles), comments: httpCommentsCleaner(commentsClient, commentsUrl, base) };
}

export const resolvers: GraphQLResolverMap<ArticlesContext> = {
  Query: {
    article: (_: unknown, { id }: { id: string }, context: ArticlesContext) => service.findArticle(context.articles, id),
    articles: (_: unknown, args: PageArgs) => service.listArticles(args),
    pendingArticleDeletions: (_: unknown, { first }: { first: number }, context: ArticlesContext) =>
      service.listPendingDeletions(context.caller, first),
  },
  Mutation: {
    createArticle: (_: unknown, { input }: { input: { title: string; body: string } }, context: ArticlesContext) =>
      service.createArticle(context.caller, input),
    updateArticle: (_: unknown, { id, input }: { id: string; input: { title?: string | null; body?: string | null } }, context: ArticlesContext) =>
      service.updateArticle(context.articles, context.caller, id, input),
    deleteArticle: (_: unknown, { id }: { id: string }, context: ArticlesContext) => service.deleteArticle(context, context.caller, id),
    confirmArticleCleanup: (_: unknown, { id }: { id: string }, context: ArticlesContext) => service.confirmDeletionCleanup(context.caller, id),
  },
  Article: {
    __resolveReference: ({ id }: { id: string }, context: ArticlesContext) => service.findArticle(context.articles, id),
    // The users subgraph resolves the rest of the author from this reference.
    author: ({ authorId }: ArticleRecord) => ({ __typename: 'User', id: authorId }),
  },
  User: {
    __resolveReference: ({ id }: { id: string }) => ({ id }),
    articles: ({ id }: { id: string }, args: PageArgs) => service.listArticlesByAuthor(id, args),
  },
};
