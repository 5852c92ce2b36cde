import { DeleteCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { batchGetItems, documentClient, envString, putIfAbsent } from '@bff/kit';

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
