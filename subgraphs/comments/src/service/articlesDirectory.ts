/** What comments needs from the articles service: whether an article exists, and which deleted ones still await clean-up. */
export interface ArticlesDirectory {
  exists(articleId: string): Promise<boolean>;
  /** Deleted articles whose comments may still be here, oldest first. */
  pendingDeletions(first: number): Promise<string[]>;
  /** Tells articles that a deleted article's comments are gone. */
  confirmCleanup(articleId: string): Promise<void>;
}

/** The articles service did not answer the question. */
export class ArticlesUnavailableError extends Error {
  override readonly name = 'ArticlesUnavailableError';
}
