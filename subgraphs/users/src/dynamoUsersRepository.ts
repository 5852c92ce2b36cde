import { DeleteCommand, type DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { batchGetItems, isConditionalCheckFailure, putIfAbsent } from '@bff/kit/subgraph';

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
export class DynamoUsersRepository implements UsersRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** BatchGetItem calls of up to 100 keys. */
  async getUsers(ids: readonly string[]): Promise<UserRecord[]> {
    return (await batchGetItems<UserItem>(this.tableName, ids.map(userKey), this.client)).map(toRecord);
  }

  async getUser(id: string): Promise<UserRecord | null> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: userKey(id) }));
    return Item ? toRecord(Item as UserItem) : null;
  }

  async findUserIdByEmail(email: string): Promise<string | null> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: emailKey(email) }));
    return typeof Item?.userId === 'string' ? Item.userId : null;
  }

  /** One conditional write of the `EMAIL#` item. */
  async claimEmail(email: string, userId: string): Promise<boolean> {
    return putIfAbsent(this.tableName, { ...emailKey(email), userId }, this.client);
  }

  async releaseEmail(email: string, userId: string): Promise<void> {
    await this.client.send(
      new DeleteCommand({
        TableName: this.tableName,
        Key: emailKey(email),
        ConditionExpression: 'userId = :userId',
        ExpressionAttributeValues: { ':userId': userId },
      }),
    );
  }

  async putUser(user: UserRecord): Promise<boolean> {
    return putIfAbsent(this.tableName, { ...userKey(user.id), ...user }, this.client);
  }

  /** One conditional UpdateItem; `expiresAt` goes to the item's `ttl`, for the table's TTL to delete it. */
  async countLoginAttempt(counter: LoginCounter, limit: number, expiresAt: number): Promise<boolean> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: loginCounterKey(counter),
          UpdateExpression: 'ADD attempts :one SET #ttl = :ttl',
          ConditionExpression: 'attribute_not_exists(attempts) OR attempts < :limit',
          // TTL is a reserved word in expressions.
          ExpressionAttributeNames: { '#ttl': 'ttl' },
          ExpressionAttributeValues: { ':one': 1, ':limit': limit, ':ttl': expiresAt },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionalCheckFailure(error)) return false;
      throw error;
    }
  }

  async clearLoginAttempts(counter: LoginCounter): Promise<void> {
    await this.client.send(new DeleteCommand({ TableName: this.tableName, Key: loginCounterKey(counter) }));
  }
}
