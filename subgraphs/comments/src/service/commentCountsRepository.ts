import type { CountChange } from './countChange';

/** An article's counter: its count, a version raised by every update, and the changes writers have begun on it. */
export interface CommentCount {
  articleId: string;
  count: number;
  version: number;
  changes: CountChange[];
}

/** What one pass over the whole table found for one article: its stored comments and its counter. */
export interface ArticleTally {
  comments: number;
  counter: CommentCount | null;
}

/** What the comments service needs from its storage for articles' comment counts, in its own terms. Every update is atomic. */
export interface CommentCountsRepository {
  /** Counters of many articles; an article with none is absent. */
  getCommentCounts(articleIds: readonly string[]): Promise<CommentCount[]>;
  /** One counter, read consistently (for a recount); null when there is none. */
  getCommentCount(articleId: string): Promise<CommentCount | null>;
  /** Records a change before the comment is written or deleted. */
  beginCountChange(articleId: string, change: CountChange): Promise<void>;
  /**
   * Takes a change off the counter, moving the count by `delta` in the same
   * update (0 for a change that did not happen), only while the change is still
   * there: of a writer, a reader and a recount, exactly one settles it. False
   * when someone else already had.
   */
  settleCountChange(articleId: string, change: CountChange, delta: number): Promise<boolean>;
  /** Adds `delta` to an article's count at once (writes that run alone: the demo seed's). */
  addToCommentCount(articleId: string, delta: number): Promise<void>;
  /** How many comments of the article are stored. */
  countStoredComments(articleId: string): Promise<number>;
  /**
   * Writes a recounted value and drops every pending change, only if the counter
   * is still at version `expected` (null: there was no counter). False when a
   * writer moved it meanwhile: count again.
   */
  writeRecount(articleId: string, count: number, expected: number | null): Promise<boolean>;
  /** Removes an article's counter (its article is gone). */
  deleteCommentCount(articleId: string): Promise<void>;
  /** Every article's stored comments and counter, in one pass over the whole table: for the repair, never for a request. */
  tallyByArticle(): Promise<Map<string, ArticleTally>>;
}
