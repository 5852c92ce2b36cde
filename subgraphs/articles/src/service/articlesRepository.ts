import type { Connection, PageRequest } from '@bff/kit/core';

/** An article as stored. */
export interface ArticleRecord {
  id: string;
  title: string;
  body: string;
  authorId: string;
  createdAt: string;
  updatedAt: string;
}

/** One page of articles. */
export type ArticlePage = Connection<ArticleRecord>;

/** A deleted article whose clean-up in the comments service has not been confirmed yet. */
export interface PendingDeletion {
  id: string;
  deletedAt: string;
}

/** What the articles service needs from its storage, in its own terms. */
export interface ArticlesRepository {
  /** Articles by id; a deleted one is absent, whether its clean-up is pending or not. */
  getArticles(ids: readonly string[]): Promise<ArticleRecord[]>;
  /** Whether anything, article or deletion in progress, holds this id (read consistently, for the repair). */
  articleIdInUse(id: string): Promise<boolean>;
  /** Every article, newest first, one page. */
  listArticles(page: PageRequest): Promise<ArticlePage>;
  /** One author's articles, newest first, one page. */
  listArticlesByAuthor(authorId: string, page: PageRequest): Promise<ArticlePage>;
  /** Writes a new article; false when one with this id exists already. */
  putArticle(article: ArticleRecord): Promise<boolean>;
  /**
   * Changes title and body, only while the article exists and `authorId` wrote it
   * (atomic: a concurrent delete or change of owner cannot slip in). The new
   * article, or null when that condition failed.
   */
  updateArticle(id: string, authorId: string, changes: { title?: string; body?: string }, updatedAt: string): Promise<ArticleRecord | null>;
  /**
   * Deletes the article if `authorId` wrote it, atomically leaving a record of the
   * clean-up to finish (a tombstone). False when that condition failed (not
   * there, deleted, or not theirs).
   */
  tombstoneArticle(id: string, authorId: string, deletedAt: string): Promise<boolean>;
  /** Up to `limit` deletions whose clean-up is pending, oldest first. */
  pendingDeletions(limit: number): Promise<PendingDeletion[]>;
  /** Forgets a deletion once its clean-up is done; forgetting it twice is harmless. */
  removeTombstone(id: string): Promise<void>;
}
