import { batchGetItems, envString, putIfAbsent } from '@bff/kit';

/** A user as stored. */
export interface UserRecord {
  id: string;
  name: string;
  createdAt: string;
}

interface UserItem extends UserRecord {
  pk: string;
}

export const tableName = (): string => envString('USERS_TABLE', 'users');

const userKey = (id: string) => ({ pk: `USER#${id}` });

function toRecord({ id, name, createdAt }: UserItem): UserRecord {
  return { id, name, createdAt };
}

/** Reads users by id in BatchGetItem calls; missing ids are simply absent. */
export async function getUsers(ids: readonly string[]): Promise<UserRecord[]> {
  const items = await batchGetItems<UserItem>(tableName(), ids.map(userKey));
  return items.map(toRecord);
}

/** Writes a user; false when one with this id exists already. */
export async function putUser(user: UserRecord): Promise<boolean> {
  return putIfAbsent(tableName(), { ...userKey(user.id), ...user });
}
