import DataLoader from 'dataloader';

/**
 * A per-request loader that collects every id asked for in one tick and reads
 * them with one batch call, answering each id with its item or null.
 */
export function createBatchLoader<T extends { id: string }>(
  loadMany: (ids: readonly string[]) => Promise<T[]>,
): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(
    async (ids) => {
      const byId = new Map((await loadMany(ids)).map((item) => [item.id, item]));
      return ids.map((id) => byId.get(id) ?? null);
    },
    // No batch size cap here: the store splits into 100-key BatchGetItem calls itself.
  );
}

export { DataLoader };
