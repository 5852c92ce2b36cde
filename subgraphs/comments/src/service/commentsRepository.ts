import type { Connection, PageRequest } from '@bff/kit/core';

/** A comment as stored. */
export interface CommentRecord {
  id: string;
  body: string;
  articleId: string;
  authorId: string;
  createdAt: string;
}

/** One page of comments. */
export type CommentPage = Connection<CommentRecord>;

/** Which comments a list holds, newest first. */
export type CommentListing = { of: 'everyone' } | { of: 'article'; articleId: string } | { of: 'author'; authorId: string };

/** What the comments service needs from its storage for comments themselves, in its own terms. */
export interface CommentsRepository {
  /** Comments by id; missing ids are absent. */
  getComments(ids: readonly string[]): Promise<CommentRecord[]>;
  /** One comment, read consistently (before deleting it); null when there is none. */
  getComment(id: string): Promise<CommentRecord | null>;
  listComments(listing: CommentListing, page: PageRequest): Promise<CommentPage>;
  /** Writes a new comment; false when one with this id exists already. */
  putComment(comment: CommentRecord): Promise<boolean>;
  /** Deletes the comment if `authorId` wrote it (atomic), returning it; null when that condition failed. */
  deleteComment(id: string, authorId: string): Promise<CommentRecord | null>;
  /** Remembers for good that the article is gone, so that a comment written while it was being deleted finds out. */
  markArticleDeleted(articleId: string, deletedAt: string): Promise<void>;
  /** Whether the article was deleted (read consistently: it decides whether a new comment stays). */
  isArticleDeleted(articleId: string): Promise<boolean>;
  /** Deletes every comment of the article; returns how many it deleted. */
  deleteCommentsOfArticle(articleId: string): Promise<number>;
}
