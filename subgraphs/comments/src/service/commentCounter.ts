import type { CommentCount, CommentCountsRepository } from './commentCountsRepository';
import type { CommentsRepository } from './commentsRepository';
import type { CountChange } from './countChange';

/**
 * A count change this old has no writer left (a subgraph Lambda stops after
 * 10 s, a local request sooner), so whoever finds it settles it.
 */
export const SETTLE_AFTER_MS = 60_000;

/** What a recount did: the counter's value before and the comments stored. */
export interface Recount {
  articleId: string;
  was: number;
  counted: number;
  changed: boolean;
}

const isAbandoned = (change: CountChange, settleAfterMs: number, now: number) => now - change.startedAt >= settleAfterMs;

/** Articles' comment counts as readers see them: changes whose writers stopped are settled first, and a counter can be recounted. */
export class CommentCounter {
  constructor(
    private readonly comments: Pick<CommentsRepository, 'getComments'>,
    private readonly counts: CommentCountsRepository,
  ) {}

  /**
   * The comment counts of many articles, from their counters. A counter holding
   * a change that no writer will finish is settled first, so a gap left by a
   * crash closes at the next read.
   */
  async readCommentCounts(articleIds: readonly string[], now = Date.now()): Promise<Map<string, number>> {
    let found = await this.counts.getCommentCounts(articleIds);
    const unsettled = found.filter(({ changes }) => changes.some((change) => isAbandoned(change, SETTLE_AFTER_MS, now)));
    if (unsettled.length > 0) {
      await this.settleAbandonedChanges(unsettled, SETTLE_AFTER_MS, now);
      const again = await this.counts.getCommentCounts(unsettled.map(({ articleId }) => articleId));
      found = [...found.filter((count) => !unsettled.includes(count)), ...again];
    }
    return new Map(found.map(({ articleId, count }) => [articleId, count]));
  }

  /**
   * Settles the changes whose writers stopped: an addition counts if its comment
   * was stored, a removal if its comment is gone, and either is then taken off.
   * (An ordinary read decides: the change is older than any replica's lag.)
   * Returns how many it settled.
   */
  async settleAbandonedChanges(found: CommentCount[], settleAfterMs = SETTLE_AFTER_MS, now = Date.now()): Promise<number> {
    const abandoned = found.flatMap(({ articleId, changes }) =>
      changes.filter((change) => isAbandoned(change, settleAfterMs, now)).map((change) => ({ articleId, change })),
    );
    if (abandoned.length === 0) return 0;
    const commentIds = [...new Set(abandoned.map(({ change }) => change.commentId))];
    const stored = new Set((await this.comments.getComments(commentIds)).map((comment) => comment.id));
    let settled = 0;
    for (const { articleId, change } of abandoned) {
      const happened = stored.has(change.commentId) === (change.kind === 'adding');
      const delta = !happened ? 0 : change.kind === 'adding' ? 1 : -1;
      if (await this.counts.settleCountChange(articleId, change, delta)) settled++;
    }
    return settled;
  }

  /**
   * Counts the article's stored comments and writes that into its counter, with
   * every pending change dropped, unless a writer is at work on it (a change
   * younger than `settleAfterMs`: null, try later) or moves it meanwhile (counted
   * again). With nothing else running (`settleAfterMs` 0) the count is exact.
   */
  async recountComments(articleId: string, settleAfterMs = SETTLE_AFTER_MS, now = Date.now()): Promise<Recount | null> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const counter = await this.counts.getCommentCount(articleId);
      if (counter?.changes.some((change) => !isAbandoned(change, settleAfterMs, now))) return null;
      const counted = await this.counts.countStoredComments(articleId);
      const was = counter?.count ?? 0;
      if (counted === was && !counter?.changes.length) return { articleId, was, counted, changed: false };
      if (await this.counts.writeRecount(articleId, counted, counter?.version ?? null)) return { articleId, was, counted, changed: true };
    }
    return null;
  }
}
