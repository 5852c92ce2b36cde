import type { Logger } from '@bff/kit/core';

import type { ArticleDeletion, Cleanup } from './service/articlesService';

/** One line for what became of a deleted article's clean-up. */
function logCleanup(logger: Logger, cleanup: Cleanup): void {
  const { articleId } = cleanup;
  switch (cleanup.outcome) {
    case 'purged':
      logger.info('Article deleted with its comments', { articleId, commentsRemoved: cleanup.commentsRemoved });
      break;
    case 'left-to-sweep':
      logger.info('Article deleted; the comments service removes its comments when it next looks', { articleId });
      break;
    case 'pending':
      logger.warn('Article deleted; removing its comments is pending until the comments service answers', { articleId, error: cleanup.error });
      break;
  }
}

/** The lines for a delete's clean-ups, and for a failure while trying them (the article is deleted either way). */
export function logArticleDeletion(logger: Logger, articleId: string, deletion: ArticleDeletion): void {
  for (const cleanup of deletion.cleanups) logCleanup(logger, cleanup);
  if (deletion.failure !== undefined) {
    logger.error('Article deleted; finishing its clean-up failed', { articleId, error: deletion.failure as Error });
  }
}
