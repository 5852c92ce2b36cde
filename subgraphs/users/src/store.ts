import { DeleteCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { batchGetItems, documentClient, envString, isConditionalCheckFailure, putIfAbsent } from '@bff/kit/subgraph';

/** A user as stored. `passwordHash` never leaves the service. */
export interface UserRecord {
  id: string;
  name: string;
  email: string;
  passwordHash: string;
  createdAt: string;
}

interface UserItem extends UserRecord {
  pk: string;
}

export const tableName = (): string => envString('USERS_TABLE', 'users');

const userKey = (id: string) => ({ pk: `USER#${id}` });
const emailKey = (email: string) => ({ pk: `EMAIL#${email.toLowerCase()}` });

function toRecord({ id, name, email, passwordHash, createdAt }: UserItem): UserRecord {
  return { id, name, email, passwordHash, createdAt };
}

/** Reads users by id in BatchGetItem calls of up to 100 keys; missing ids are absent. */
export async function getUsers(ids: readonly string[]): Promise<UserRecord[]> {
  const items = await batchGetItems<UserItem>(tableName(), ids.map(userKey));
  return items.map(toRecord);
}

export async function getUser(id: string): Promise<UserRecord | null> {
  const { Item } = await documentClient().send(new GetCommand({ TableName: tableName(), Key: userKey(id) }));
  return Item ? toRecord(Item as UserItem) : null;
}

/** The id of the user who holds this email (any case), if any. */
export async function findUserIdByEmail(email: string): Promise<string | null> {
  const { Item } = await documentClient().send(new GetCommand({ TableName: tableName(), Key: emailKey(email) }));
  return typeof Item?.userId === 'string' ? Item.userId : null;
}

/** Claims an email for a user; false when someone holds it already (one conditional write). */
export async function claimEmail(email: string, userId: string): Promise<boolean> {
  return putIfAbsent(tableName(), { ...emailKey(email), userId });
}

/** Gives up a claim, but only the claim of this user. */
export async function releaseEmail(email: string, userId: string): Promise<void> {
  await documentClient().send(
    new DeleteCommand({
      TableName: tableName(),
      Key: emailKey(email),
      ConditionExpression: 'userId = :userId',
      ExpressionAttributeValues: { ':userId': userId },
    }),
  );
}

/** Writes a user; false when one with this id exists already. */
export async function putUser(user: UserRecord): Promise<boolean> {
  return putIfAbsent(tableName(), { ...userKey(user.id), ...user });
}

/** One fixed window's count of login attempts for one account (by email) or one source network. */
export interface LoginCounter {
  kind: 'EMAIL' | 'IP';
  /** The lower-cased email, or the network. */
  key: string;
  /** The window's start, in epoch seconds. */
  windowStart: number;
}

const loginCounterKey = ({ kind, key, windowStart }: LoginCounter) => ({ pk: `LOGINLIMIT#${kind}#${key}#${windowStart}` });

/**
 * Counts one attempt unless `limit` are counted already: one conditional
 * UpdateItem, so of attempts racing each other at most `limit` are counted.
 * False when the limit was reached. `expiresAt` (epoch seconds) goes to the
 * item's `ttl`, for the table's TTL to delete it once its window is over.
 */
export async function countLoginAttempt(counter: LoginCounter, limit: number, expiresAt: number): Promise<boolean> {
  try {
    await documentClient().send(
      new UpdateCommand({
        TableName: tableName(),
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

/** Forgets a window's count. */
export async function clearLoginAttempts(counter: LoginCounter): Promise<void> {
  await documentClient().send(new DeleteCommand({ TableName: tableName(), Key: loginCounterKey(counter) }));
}
