/** Asks the comments service to remove a deleted article's comments and count: the one thing articles needs from it. */
export interface CommentsCleaner {
  /** Resolves with the number of comments removed; safe to ask again for the same article. Throws CommentsUnavailableError. */
  purge(articleId: string): Promise<number>;
}

/** The comments service did not do the clean-up (down, refused, or answered oddly): it stays pending. */
export class CommentsUnavailableError extends Error {
  override readonly name = 'CommentsUnavailableError';
}
