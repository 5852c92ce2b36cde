import type { Connection, PageRequest } from '@bff/kit/core';

import type { ArticleRecord, ArticlesRepository, PendingDeletion } from '../src/service/articlesRepository';

/** The articles repository in memory, for the service's unit tests: a test double of the port (lists are not paged). */
export class InMemoryArticlesRepository implements ArticlesRepository {
  readonly articles = new Map<string, ArticleRecord>();
  readonly tombstones = new Map<string, string>();

  getArticles(ids: readonly string[]): Promise<ArticleRecord[]> {
    return Promise.resolve(ids.flatMap((id) => this.articles.get(id) ?? []));
  }

  articleIdInUse(id: string): Promise<boolean> {
    return Promise.resolve(this.articles.has(id) || this.tombstones.has(id));
  }

  listArticles(page: PageRequest): Promise<Connection<ArticleRecord>> {
    return Promise.resolve(this.page([...this.articles.values()], page));
  }

  listArticlesByAuthor(authorId: string, page: PageRequest): Promise<Connection<ArticleRecord>> {
    return Promise.resolve(this.page([...this.articles.values()].filter((article) => article.authorId === authorId), page));
  }

  putArticle(article: ArticleRecord): Promise<boolean> {
    if (this.articles.has(article.id) || this.tombstones.has(article.id)) return Promise.resolve(false);
    this.articles.set(article.id, article);
    return Promise.resolve(true);
  }

  updateArticle(id: string, authorId: string, changes: { title?: string; body?: string }, updatedAt: string): Promise<ArticleRecord | null> {
    const article = this.articles.get(id);
    if (article?.authorId !== authorId) return Promise.resolve(null);
    const updated = { ...article, ...changes, updatedAt };
    this.articles.set(id, updated);
    return Promise.resolve(updated);
  }

  tombstoneArticle(id: string, authorId: string, deletedAt: string): Promise<boolean> {
    if (this.articles.get(id)?.authorId !== authorId) return Promise.resolve(false);
    this.articles.delete(id);
    this.tombstones.set(id, deletedAt);
    return Promise.resolve(true);
  }

  pendingDeletions(limit: number): Promise<PendingDeletion[]> {
    const oldestFirst = [...this.tombstones].sort(([, a], [, b]) => a.localeCompare(b));
    return Promise.resolve(oldestFirst.slice(0, limit).map(([id, deletedAt]) => ({ id, deletedAt })));
  }

  removeTombstone(id: string): Promise<void> {
    this.tombstones.delete(id);
    return Promise.resolve();
  }

  private page(articles: ArticleRecord[], { first }: PageRequest): Connection<ArticleRecord> {
    const newestFirst = articles.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    return { nodes: newestFirst.slice(0, first), pageInfo: { hasNextPage: newestFirst.length > first, endCursor: null } };
  }
}
