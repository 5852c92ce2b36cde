import { DynamoTable } from '@bff/kit/subgraph';

import type { LoginCounter, UserRecord, UsersRepository } from './service/usersRepository';

interface UserItem extends UserRecord {
  pk: string;
}

const userKey = (id: string) => ({ pk: `USER#${id}` });
const emailKey = (email: string) => ({ pk: `EMAIL#${email.toLowerCase()}` });
const loginCounterKey = ({ kind, key, windowStart }: LoginCounter) => ({ pk: `LOGINLIMIT#${kind}#${key}#${windowStart}` });

function toRecord({ id, name, email, passwordHash, createdAt }: UserItem): UserRecord {
  return { id, name, email, passwordHash, createdAt };
}

/** The users table (see `table.ts`) in DynamoDB: one item per user, per claimed email and per login window. */
export class DynamoUsersRepository extends DynamoTable implements UsersRepository {
  async getUsers(ids: readonly string[]): Promise<UserRecord[]> {
    return this.readAll(ids.map(userKey), toRecord);
  }

  async getUser(id: string): Promise<UserRecord | null> {
    const item = await this.getItem<UserItem>(userKey(id));
    return item ? toRecord(item) : null;
  }

  async findUserIdByEmail(email: string): Promise<string | null> {
    return (await this.getItem<{ userId?: string }>(emailKey(email)))?.userId ?? null;
  }

  /** One conditional write of the `EMAIL#` item. */
  claimEmail(email: string, userId: string): Promise<boolean> {
    return this.putNew({ ...emailKey(email), userId });
  }

  /** A claim held by someone else stays. */
  async releaseEmail(email: string, userId: string): Promise<void> {
    await this.deleteItem(emailKey(email), { condition: 'userId = :userId', values: { ':userId': userId } });
  }

  putUser(user: UserRecord): Promise<boolean> {
    return this.putNew({ ...userKey(user.id), ...user });
  }

  /** One conditional UpdateItem; `expiresAt` goes to the item's `ttl`, for the table's TTL to delete it. */
  async countLoginAttempt(counter: LoginCounter, limit: number, expiresAt: number): Promise<boolean> {
    const counted = await this.updateItem(loginCounterKey(counter), {
      update: 'ADD attempts :one SET #ttl = :ttl',
      condition: 'attribute_not_exists(attempts) OR attempts < :limit',
      // TTL is a reserved word in expressions.
      names: { '#ttl': 'ttl' },
      values: { ':one': 1, ':limit': limit, ':ttl': expiresAt },
    });
    return counted !== null;
  }

  async clearLoginAttempts(counter: LoginCounter): Promise<void> {
    await this.deleteItem(loginCounterKey(counter));
  }
}
