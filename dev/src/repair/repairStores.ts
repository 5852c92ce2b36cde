import { type FinishedDeletion, finishPendingDeletions } from '@bff/articles/service';
import { articleIdInUse, getArticles } from '@bff/articles/store';
import { tallyByArticle } from '@bff/comments/commentCountStore';
import { purgeArticle, recountComments } from '@bff/comments/service';
import type { Logger } from '@bff/kit';

export interface RepairOptions {
  /**
   * Count changes younger than this belong to writers still at work and are
   * left alone (the article is reported busy). 0 when nothing else can be
   * writing: the local store, whose lock the repair holds.
   */
  settleAfterMs: number;
  logger: Logger;
}

/** A counter that did not match its article's stored comments, and was set to them. */
export interface FixedCount {
  articleId: string;
  was: number;
  counted: number;
}

/** What one repair did, as data: the CLI prints it, tests read it. */
export interface RepairReport {
  /** Deleted articles whose comments were still there (comments was down when they were deleted). */
  deletionsFinished: FinishedDeletion[];
  /** Comments of articles that exist nowhere, not even as a deletion in progress (a comment that raced its article's delete). */
  orphansRemoved: FinishedDeletion[];
  countsFixed: FixedCount[];
  /** Articles whose counter a writer is changing right now: left for the next run or the next read. */
  countsBusy: string[];
  /** Articles with comments or a counter, checked. */
  articlesChecked: number;
}

/**
 * Makes the two stores agree, through the services' own code: finishes every
 * pending article deletion (comments' purge, then articles drops the
 * tombstone), removes comments whose article is gone, and recounts every
 * counter that differs from its article's stored comments or holds a change
 * no writer will finish. Safe to run again: a second run finds nothing.
 */
export async function repairStores({ settleAfterMs, logger }: RepairOptions): Promise<RepairReport> {
  // Comments' purge, called in this process: the repair needs neither service to be running.
  const inProcess = { comments: { purge: (articleId: string) => purgeArticle(articleId) }, logger };
  const deletionsFinished: FinishedDeletion[] = [];
  const seen = new Set<string>();
  for (;;) {
    const batch = (await finishPendingDeletions(inProcess, 100)).filter(({ articleId }) => !seen.has(articleId));
    if (batch.length === 0) break;
    for (const finished of batch) seen.add(finished.articleId);
    deletionsFinished.push(...batch);
  }

  const tally = await tallyByArticle();
  const live = new Set((await getArticles([...tally.keys()])).map((article) => article.id));
  const orphansRemoved: FinishedDeletion[] = [];
  const countsFixed: FixedCount[] = [];
  const countsBusy: string[] = [];
  for (const [articleId, { comments, counter }] of tally) {
    if (!live.has(articleId)) {
      // Read again, consistently: an article created (or being deleted) since the batch read keeps its comments.
      if (await articleIdInUse(articleId)) continue;
      orphansRemoved.push({ articleId, commentsRemoved: await purgeArticle(articleId) });
      continue;
    }
    if (counter && counter.count === comments && counter.changes.length === 0) continue;
    if (!counter && comments === 0) continue;
    const recount = await recountComments(articleId, settleAfterMs);
    if (!recount) countsBusy.push(articleId);
    else if (recount.changed && recount.was !== recount.counted) countsFixed.push({ articleId, was: recount.was, counted: recount.counted });
  }
  return { deletionsFinished, orphansRemoved, countsFixed, countsBusy, articlesChecked: live.size };
}
