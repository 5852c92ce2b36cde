import { DynamoCommentCountsRepository } from '@bff/comments/countsRepository';
import { CommentCounter } from '@bff/comments/counter';
import { DynamoCommentsRepository } from '@bff/comments/repository';

import type { RepairStores } from '../repair/repairStores';
import type { StoreSnapshot } from './storeSnapshot';

/**
 * Settles the count changes left on the snapshot's counters that are older than
 * `settleAfterMs`, with the comments service's own code: what the next read of
 * those counts does after 60 s, done now. 0 is right only when nothing else
 * writes (no request in flight), as for the repair. Returns how many it settled.
 */
export async function settlePendingCounts({ client, tables }: RepairStores, snapshot: StoreSnapshot, settleAfterMs: number): Promise<number> {
  const articleIds = snapshot.counters.filter((counter) => counter.pending > 0).map((counter) => counter.articleId);
  if (articleIds.length === 0) return 0;
  const counts = new DynamoCommentCountsRepository(client, tables.comments);
  const counter = new CommentCounter(new DynamoCommentsRepository(client, tables.comments), counts);
  return counter.settleAbandonedChanges(await counts.getCommentCounts(articleIds), settleAfterMs);
}
