import type { CommentCountsRepository } from './service/commentCountsRepository';
import type { CommentRecord, CommentsRepository } from './service/commentsRepository';

/**
 * Writes a demo comment as it is given (fixed id, article, author and time) and
 * counts it on its article, with nothing else writing. False when it exists
 * already (an interrupted seed wrote and counted it): it is kept as it is.
 */
export async function seedComment(comments: CommentsRepository, counts: CommentCountsRepository, comment: CommentRecord): Promise<boolean> {
  if (!(await comments.putComment(comment))) return false;
  await counts.addToCommentCount(comment.articleId, 1);
  return true;
}
