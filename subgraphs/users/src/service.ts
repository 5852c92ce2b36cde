import type { DataLoader } from '@bff/kit';

import type { UserRecord } from './store';

/** The user with this id, or null: reads go through the request's batch loader. */
export async function findUser(loader: DataLoader<string, UserRecord | null>, id: string): Promise<UserRecord | null> {
  return loader.load(id);
}
