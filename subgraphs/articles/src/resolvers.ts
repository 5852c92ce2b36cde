import { createBatchLoader, type DataLoader, type RequestContext } from '@bff/kit';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';

import { findArticle, newestArticles } from './service';
import { type ArticleRecord, getArticles } from './store';

export interface ArticlesContext extends RequestContext {
  articles: DataLoader<string, ArticleRecord | null>;
}

export function createContext(base: RequestContext): ArticlesContext {
  return { ...base, articles: createBatchLoader(getArticles) };
}

export const resolvers: GraphQLResolverMap<ArticlesContext> = {
  Query: {
    article: (_: unknown, { id }: { id: string }, context: ArticlesContext) => findArticle(context.articles, id),
    articles: () => newestArticles(),
  },
  Article: {
    __resolveReference: ({ id }: { id: string }, context: ArticlesContext) => findArticle(context.articles, id),
    // The users subgraph resolves the rest of the author from this reference.
    author: ({ authorId }: ArticleRecord) => ({ __typename: 'User', id: authorId }),
  },
};
