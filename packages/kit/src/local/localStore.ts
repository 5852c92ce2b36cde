import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { CreateTableCommand, DescribeTableCommand, type DynamoDBClient, waitUntilTableExists } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';

import { createDocumentClient } from '../dynamo';
import type { TableDefinition } from '../tableDefinition';
import { DEFAULT_SHUTDOWN_GRACE_MS, gracefulClose } from './gracefulClose';

export interface LocalStore {
  /** The URL to give the AWS SDK as `endpoint`: the `dynamoEndpoint` of the settings of whatever uses the store. */
  endpoint: string;
  /**
   * Stops after the requests in flight (for up to `graceMs`, by default the
   * shutdown grace), then closes the database: an operation is never cut halfway
   * by a closed database.
   */
  close(graceMs?: number): Promise<void>;
}

export interface LocalStoreOptions {
  /** A folder to keep the data in; in memory when absent. */
  path?: string;
  port?: number;
  /** `close()`'s default grace (the entry's SHUTDOWN_GRACE_MS; 10 s when absent). */
  shutdownGraceMs?: number;
}

/**
 * Starts dynalite, a DynamoDB-compatible server, in this process: in memory for
 * tests, on disk for `npm start`. Tables are ready at once (no CREATING delay).
 */
export async function startLocalStore(options: LocalStoreOptions = {}): Promise<LocalStore> {
  const server: Server = dynalite({
    path: options.path,
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
  });
  // dynalite's own close waits for the connections to end, then for the database's pending operations.
  const close = gracefulClose(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: (graceMs) => close(graceMs ?? options.shutdownGraceMs ?? DEFAULT_SHUTDOWN_GRACE_MS),
  };
}

/** A table to create: its name in this stage and its definition. */
export interface LocalTable {
  tableName: string;
  definition: TableDefinition;
}

/** Starts the local store and creates the given tables; give its `endpoint` to the handlers' settings. */
export async function startLocalStoreWithTables(tables: LocalTable[], options: LocalStoreOptions = {}): Promise<LocalStore> {
  const store = await startLocalStore(options);
  try {
    const client = createDocumentClient(store.endpoint);
    for (const table of tables) await ensureTable(client, table.tableName, table.definition);
    client.destroy();
    return store;
  } catch (error) {
    await store.close();
    throw error;
  }
}

/** Creates the table from its definition unless it exists already. */
export async function ensureTable(client: DynamoDBClient, tableName: string, definition: TableDefinition): Promise<void> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return;
  } catch (error) {
    if ((error as { name?: string }).name !== 'ResourceNotFoundException') throw error;
  }
  await client.send(new CreateTableCommand(createTableInput(tableName, definition)));
  // Even with no CREATING delay configured, the table turns ACTIVE a tick later: wait for it.
  await waitUntilTableExists({ client, maxWaitTime: 10, minDelay: 0.05, maxDelay: 0.2 }, { TableName: tableName });
}

export function createTableInput(tableName: string, definition: TableDefinition) {
  const keys = [definition.partitionKey, definition.sortKey, ...(definition.globalIndexes ?? []).flatMap((index) => [index.partitionKey, index.sortKey])];
  const attributes = new Map<string, 'S' | 'N' | 'B'>();
  for (const key of keys) if (key) attributes.set(key.name, key.type);
  const keySchema = (partition: { name: string }, sort?: { name: string }) => [
    { AttributeName: partition.name, KeyType: 'HASH' as const },
    ...(sort ? [{ AttributeName: sort.name, KeyType: 'RANGE' as const }] : []),
  ];
  const indexes = definition.globalIndexes ?? [];
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST' as const,
    AttributeDefinitions: [...attributes].map(([AttributeName, AttributeType]) => ({ AttributeName, AttributeType })),
    KeySchema: keySchema(definition.partitionKey, definition.sortKey),
    ...(indexes.length
      ? {
          GlobalSecondaryIndexes: indexes.map((index) => ({
            IndexName: index.name,
            KeySchema: keySchema(index.partitionKey, index.sortKey),
            Projection: { ProjectionType: 'ALL' as const },
          })),
        }
      : {}),
  };
}
