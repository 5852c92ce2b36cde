import { DynamoArticlesRepository } from '@bff/articles/repository';
import { ArticlesService } from '@bff/articles/service';
import { DynamoCommentCountsRepository } from '@bff/comments/countsRepository';
import { CommentCounter } from '@bff/comments/counter';
import { DynamoCommentsRepository } from '@bff/comments/repository';
import { CommentsService } from '@bff/comments/service';

import type { LocalStores } from '../localServices';

export interface RepairOptions {
  /**
   * Count changes younger than this belong to writers still at work and are
   * left alone (the article is reported busy). 0 when nothing else can be
   * writing: the local store, whose lock the repair holds.
   */
  settleAfterMs: number;
}

/** The tables the repair makes agree: the articles and comments services'. */
export type RepairStores = Pick<LocalStores, 'client'> & { tables: Pick<LocalStores['tables'], 'articles' | 'comments'> };

/** An article whose comments the repair removed, and how many. */
export interface RemovedComments {
  articleId: string;
  commentsRemoved: number;
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
  deletionsFinished: RemovedComments[];
  /** Comments of articles that exist nowhere, not even as a deletion in progress (a comment that raced its article's delete). */
  orphansRemoved: RemovedComments[];
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
export async function repairStores({ client, tables }: RepairStores, { settleAfterMs }: RepairOptions): Promise<RepairReport> {
  const articlesRepository = new DynamoArticlesRepository(client, tables.articles);
  const commentsRepository = new DynamoCommentsRepository(client, tables.comments);
  const counts = new DynamoCommentCountsRepository(client, tables.comments);
  const comments = new CommentsService(commentsRepository, counts);
  const counter = new CommentCounter(commentsRepository, counts);
  // Comments' purge, called in this process: the repair needs neither service to be running.
  const articles = new ArticlesService(articlesRepository, { purge: (articleId) => comments.purgeArticle(articleId) });

  const deletionsFinished: RemovedComments[] = [];
  const seen = new Set<string>();
  for (;;) {
    const batch: RemovedComments[] = [];
    // In this process a purge is done or throws: no clean-up comes back pending.
    for (const cleanup of await articles.finishPendingDeletions(100)) {
      if (cleanup.outcome === 'purged' && !seen.has(cleanup.articleId)) batch.push({ articleId: cleanup.articleId, commentsRemoved: cleanup.commentsRemoved });
    }
    if (batch.length === 0) break;
    for (const deletion of batch) seen.add(deletion.articleId);
    deletionsFinished.push(...batch);
  }

  const tally = await counts.tallyByArticle();
  const live = new Set((await articlesRepository.getArticles([...tally.keys()])).map((article) => article.id));
  const orphansRemoved: RemovedComments[] = [];
  const countsFixed: FixedCount[] = [];
  const countsBusy: string[] = [];
  for (const [articleId, { comments: stored, counter: current }] of tally) {
    if (!live.has(articleId)) {
      // Read again, consistently: an article created (or being deleted) since the batch read keeps its comments.
      if (await articlesRepository.articleIdInUse(articleId)) continue;
      orphansRemoved.push({ articleId, commentsRemoved: await comments.purgeArticle(articleId) });
      continue;
    }
    if (current && current.count === stored && current.changes.length === 0) continue;
    if (!current && stored === 0) continue;
    const recount = await counter.recountComments(articleId, settleAfterMs);
    if (!recount) countsBusy.push(articleId);
    else if (recount.changed && recount.was !== recount.counted) countsFixed.push({ articleId, was: recount.was, counted: recount.counted });
  }
  return { deletionsFinished, orphansRemoved, countsFixed, countsBusy, articlesChecked: live.size };
}
