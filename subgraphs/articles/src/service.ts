import type { DataLoader } from '@bff/kit';

import { type ArticleRecord, listArticles } from './store';

/** The most articles one list returns. */
export const MAX_PAGE_SIZE = 100;

export async function findArticle(
  loader: DataLoader<string, ArticleRecord | null>,
  id: string,
): Promise<ArticleRecord | null> {
  return loader.load(id);
}

export async function newestArticles(): Promise<ArticleRecord[]> {
  return listArticles(MAX_PAGE_SIZE);
}
