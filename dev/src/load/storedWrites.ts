import type { RepairStores } from '../repair/repairStores';
import { settlePendingCounts } from './settlePendingCounts';
import { readStoreSnapshot, type StoreSnapshot } from './storeSnapshot';
import type { StoreCount, StoredWrites } from './systemProtocol';

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

function storedWrites(snapshot: StoreSnapshot): Pick<StoredWrites, 'comments' | 'articles' | 'tombstones' | 'commentCountSum'> {
  return {
    comments: snapshot.comments.length,
    commentCountSum: sum(snapshot.counters.map((counter) => counter.count)),
    articles: snapshot.articles.length,
    tombstones: snapshot.tombstones,
  };
}

/**
 * Counts what the services stored in `stores`: the tables as read, then again once the
 * count changes writers left behind are settled (those older than
 * `settleAfterMs`; 0 when nothing else writes). The raw counter sum is kept
 * beside the settled one: a counter can lag its comments only while a change
 * is pending, so the two differ exactly by what settling did.
 */
export async function countStoredWrites(stores: RepairStores, options: { settleAfterMs: number; withItems?: boolean }): Promise<StoreCount> {
  const raw = await readStoreSnapshot(stores);
  const settledCountChanges = await settlePendingCounts(stores, raw, options.settleAfterMs);
  const settled = settledCountChanges > 0 ? await readStoreSnapshot(stores) : raw;
  const stored: StoredWrites = {
    ...storedWrites(settled),
    commentCountRawSum: storedWrites(raw).commentCountSum,
    pendingCountChanges: sum(raw.counters.map((counter) => counter.pending)),
    settledCountChanges,
  };
  return { stored, ...(options.withItems && { items: settled }) };
}
