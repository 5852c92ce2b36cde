import type { DataLoader } from '@bff/kit';

import { type CommentRecord, listCommentsForArticle } from './store';

/** The most comments one list returns. */
export const MAX_PAGE_SIZE = 100;

export async function findComment(
  loader: DataLoader<string, CommentRecord | null>,
  id: string,
): Promise<CommentRecord | null> {
  return loader.load(id);
}

export async function commentsForArticle(articleId: string): Promise<CommentRecord[]> {
  return listCommentsForArticle(articleId, MAX_PAGE_SIZE);
}
