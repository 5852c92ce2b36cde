import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';

import { type CursorSecrets, decodeCursor, encodeCursor } from './cursor';
import type { RuntimeSettings } from './env/runtimeEnv';
import type { Connection, PageRequest } from './pagination';
import type { TableDefinition } from './tableDefinition';

let shared: { endpoint: string | undefined; client: DynamoDBDocumentClient } | undefined;

/**
 * The process-wide DynamoDB document client for the settings' `dynamoEndpoint`
 * (the local store's URL; undefined in AWS), created on first use so that a
 * warm Lambda reuses its connections; a new endpoint (a test's new store) gets a
 * new client.
 */
export function documentClient(settings: Pick<RuntimeSettings, 'dynamoEndpoint'>): DynamoDBDocumentClient {
  const endpoint = settings.dynamoEndpoint;
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
const BATCH_GET_LIMIT = 100;

/**
 * Reads many items by key: chunks of 100 keys, one BatchGetItem each, and keys
 * DynamoDB left unprocessed (throttling, 16 MB) asked for again with backoff.
 */
export async function batchGetItems<T>(
  tableName: string,
  keys: Record<string, unknown>[],
  client: DynamoDBDocumentClient,
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
  client: DynamoDBDocumentClient,
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

export interface QueryPageOptions {
  tableName: string;
  table: TableDefinition;
  /** A global index of `table`, queried on one partition value. */
  indexName: string;
  partitionValue: string;
  page: PageRequest;
  /** Names the list, so a cursor from one list is refused by another. */
  scope: string;
  /** Newest first (descending sort key) unless false. */
  descending?: boolean;
  client: DynamoDBDocumentClient;
  /** The key the page's cursors are encrypted with. */
  secrets: CursorSecrets;
}

/**
 * One page of an index partition. It asks for one item more than the page holds,
 * so `hasNextPage` is exact, and builds the cursor from the page's last item:
 * the same key DynamoDB's LastEvaluatedKey would hold, signed by `encodeCursor`.
 */
export async function queryPage<T extends Record<string, unknown>>(options: QueryPageOptions): Promise<Connection<T>> {
  const index = options.table.globalIndexes?.find((candidate) => candidate.name === options.indexName);
  if (!index) throw new Error(`Table ${options.tableName} has no index ${options.indexName}`);
  const output = await options.client.send(
    new QueryCommand({
      TableName: options.tableName,
      IndexName: index.name,
      KeyConditionExpression: '#partition = :partition',
      ExpressionAttributeNames: { '#partition': index.partitionKey.name },
      ExpressionAttributeValues: { ':partition': options.partitionValue },
      ScanIndexForward: options.descending === false,
      Limit: options.page.first + 1,
      ...(options.page.after ? { ExclusiveStartKey: await decodeCursor(options.page.after, options.scope, options.secrets) } : {}),
    }),
  );
  const items = (output.Items ?? []) as T[];
  const nodes = items.slice(0, options.page.first);
  const hasNextPage = items.length > options.page.first;
  const last = nodes.at(-1);
  const keyNames = [options.table.partitionKey, options.table.sortKey, index.partitionKey, index.sortKey]
    .filter((key) => key !== undefined)
    .map((key) => key.name);
  const endCursor = last ? await encodeCursor(Object.fromEntries(keyNames.map((name) => [name, last[name]])), options.scope, options.secrets) : null;
  return { nodes, pageInfo: { hasNextPage, endCursor } };
}
