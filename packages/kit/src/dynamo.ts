import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';

import { dynamoEndpoint } from './config';

let shared: { endpoint: string | undefined; client: DynamoDBDocumentClient } | undefined;

/**
 * The process-wide DynamoDB document client, created on first use so that a
 * warm Lambda reuses its connections. Locally DYNAMODB_ENDPOINT points at the
 * local store; a new endpoint (a test's new store) gets a new client.
 */
export function documentClient(): DynamoDBDocumentClient {
  const endpoint = dynamoEndpoint();
  if (shared && shared.endpoint === endpoint) return shared.client;
  shared = { endpoint, client: createDocumentClient(endpoint) };
  return shared.client;
}

export function createDocumentClient(endpoint?: string): DynamoDBDocumentClient {
  const client = new DynamoDBClient(
    endpoint
      ? // The local store accepts any credentials; fixed ones keep the SDK from searching for real ones.
        { endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {},
  );
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true },
  });
}

/** DynamoDB's limit on keys in one BatchGetItem call. */
export const BATCH_GET_LIMIT = 100;

/**
 * Reads many items by key: chunks of 100 keys, one BatchGetItem each, and keys
 * DynamoDB left unprocessed (throttling, 16 MB) asked for again with backoff.
 */
export async function batchGetItems<T>(
  tableName: string,
  keys: Record<string, unknown>[],
  client: DynamoDBDocumentClient = documentClient(),
): Promise<T[]> {
  const items: T[] = [];
  for (let start = 0; start < keys.length; start += BATCH_GET_LIMIT) {
    let pending: Record<string, unknown>[] = keys.slice(start, start + BATCH_GET_LIMIT);
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 0) {
        if (attempt > 8) throw new Error(`BatchGetItem on ${tableName} left ${pending.length} keys unprocessed`);
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 25 * 2 ** attempt));
      }
      const output = await client.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending } } }));
      items.push(...((output.Responses?.[tableName] ?? []) as T[]));
      pending = output.UnprocessedKeys?.[tableName]?.Keys ?? [];
    }
  }
  return items;
}

/** Writes an item unless one with its partition key `pk` exists; false when it did. */
export async function putIfAbsent(
  tableName: string,
  item: Record<string, unknown> & { pk: string },
  client: DynamoDBDocumentClient = documentClient(),
): Promise<boolean> {
  try {
    await client.send(new PutCommand({ TableName: tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' }));
    return true;
  } catch (error) {
    if (isConditionalCheckFailure(error)) return false;
    throw error;
  }
}

export function isConditionalCheckFailure(error: unknown): boolean {
  return (error as { name?: string } | null)?.name === 'ConditionalCheckFailedException';
}
