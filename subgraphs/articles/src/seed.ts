import type { ArticleRecord, ArticlesRepository } from './service/articlesRepository';

/**
 * Writes a demo article as it is given (fixed id, author and times, so the
 * other services' demo data can refer to it). False when it exists already
 * (an interrupted seed wrote it): it is kept as it is.
 */
export function seedArticle(repository: ArticlesRepository, article: ArticleRecord): Promise<boolean> {
  return repository.putArticle(article);
}
