import { getCommentCounts } from '@bff/comments/commentCountStore';
import { settleAbandonedChanges } from '@bff/comments/service';

import type { StoreSnapshot } from './storeSnapshot';

/**
 * Settles the count changes left on the snapshot's counters that are older than
 * `settleAfterMs`, with the comments service's own code: what the next read of
 * those counts does after 60 s, done now. 0 is right only when nothing else
 * writes (no request in flight), as for the repair. Returns how many it settled.
 */
export async function settlePendingCounts(snapshot: StoreSnapshot, settleAfterMs: number): Promise<number> {
  const articleIds = snapshot.counters.filter((counter) => counter.pending > 0).map((counter) => counter.articleId);
  if (articleIds.length === 0) return 0;
  return settleAbandonedChanges(await getCommentCounts(articleIds), settleAfterMs);
}
