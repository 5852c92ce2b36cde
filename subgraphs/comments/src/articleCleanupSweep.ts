import type { Logger } from '@bff/kit/core';

import { type ArticlesDirectory, ArticlesUnavailableError } from './service/articlesDirectory';

type Purge = (articleId: string) => Promise<number>;

/** How many deleted articles one pass cleans up at most. */
const PASS_SIZE = 25;

/**
 * Removes the comments of articles deleted while this service could not be
 * told (it was down, or articles has no COMMENTS_URL). Ordinary requests start
 * a pass: the first of a handler, then at most one every `everySeconds`
 * (ARTICLE_CLEANUP_SWEEP_SECONDS; 0: every request), one at a time, in the
 * background so that no reader waits. A pass asks articles for its pending
 * deletions (one call), purges each and confirms it. In Lambda a pass that
 * outlives its request resumes when the instance next runs; what it could not
 * finish, the next pass does.
 */
export class ArticleCleanupSweep {
  private lastStarted = Number.NEGATIVE_INFINITY;
  private running: Promise<number> | undefined;

  constructor(private everySeconds: number) {}

  /** From now on, a pass is due this long after the last one started. */
  setInterval(everySeconds: number): void {
    this.everySeconds = everySeconds;
  }

  /**
   * Starts a pass if one is due and none is running: `purge` removes a deleted
   * article's comments and count, resolving with the comments removed.
   */
  maybeStart(articles: ArticlesDirectory, purge: Purge, logger: Logger, now = Date.now()): void {
    if (this.running || now - this.lastStarted < this.everySeconds * 1000) return;
    this.lastStarted = now;
    this.running = this.pass(articles, purge, logger).finally(() => {
      this.running = undefined;
    });
  }

  /** Resolves when the pass in progress, if any, has ended (tests wait for it rather than for time). */
  async idle(): Promise<void> {
    await this.running;
  }

  /** One pass; resolves with how many deleted articles it cleaned up, and never rejects. */
  private async pass(articles: ArticlesDirectory, purge: Purge, logger: Logger): Promise<number> {
    let cleaned = 0;
    try {
      for (const articleId of await articles.pendingDeletions(PASS_SIZE)) {
        const removed = await purge(articleId);
        await articles.confirmCleanup(articleId);
        logger.info('Removed the comments of a deleted article', { articleId, commentsRemoved: removed });
        cleaned++;
      }
    } catch (error) {
      if (error instanceof ArticlesUnavailableError) logger.warn('Could not finish cleaning up deleted articles', { error });
      else logger.error('Cleaning up deleted articles failed', { error: error as Error });
    }
    return cleaned;
  }
}
