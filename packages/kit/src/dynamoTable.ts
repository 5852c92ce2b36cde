import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  type QueryCommandInput,
  type QueryCommandOutput,
  ScanCommand,
  type ScanCommandInput,
  type ScanCommandOutput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';

import type { CursorSecrets } from './cursor';
import { batchGetItems, isConditionalCheckFailure, putIfAbsent, type QueryPageOptions, queryPage } from './dynamo';
import { type Connection, mapConnection } from './pagination';

/** One conditional or plain change to an item: its expression, and the names and values it uses. */
export interface ItemChange {
  /** The UpdateExpression (for `updateItem`); unused by `deleteItem`. */
  update?: string;
  /** Made only while this holds. */
  condition?: string;
  names?: Record<string, string>;
  values?: Record<string, unknown>;
}

const expressions = ({ condition, names, values }: ItemChange) => ({
  ...(condition ? { ConditionExpression: condition } : {}),
  ...(names ? { ExpressionAttributeNames: names } : {}),
  ...(values ? { ExpressionAttributeValues: values } : {}),
});

/**
 * The DynamoDB table a service's repository reads and writes: the client and
 * the table's name (from the entry's settings), and the reads and writes every
 * repository makes alike. A repository extends it with its own keys and items.
 */
export abstract class DynamoTable {
  constructor(
    protected readonly client: DynamoDBDocumentClient,
    protected readonly tableName: string,
    /** The key list cursors are sealed with: needed to list, not to read or write by id. */
    private readonly cursors?: CursorSecrets,
  ) {}

  /** One page of an index partition (see `queryPage`), each item turned into a record by `toRecord`. */
  protected async listPage<TItem, TRecord>(
    query: Omit<QueryPageOptions, 'tableName' | 'client' | 'secrets'>,
    toRecord: (item: TItem) => TRecord,
  ): Promise<Connection<TRecord>> {
    if (!this.cursors) throw new Error(`This repository of ${this.tableName} was made without a cursor key: it cannot list`);
    const page = await queryPage({ ...query, tableName: this.tableName, client: this.client, secrets: this.cursors });
    return mapConnection(page, (item) => toRecord(item as TItem));
  }

  /** Items by key, in BatchGetItem calls of up to 100 keys; a missing one is absent. */
  protected getItems<T>(keys: Record<string, unknown>[]): Promise<T[]> {
    return batchGetItems<T>(this.tableName, keys, this.client);
  }

  /** One item (read consistently when asked, only the `projection` attributes when given); undefined when there is none. */
  protected async getItem<T>(key: Record<string, unknown>, options: { consistent?: boolean; projection?: string } = {}): Promise<T | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: key,
        ...(options.consistent ? { ConsistentRead: true } : {}),
        ...(options.projection ? { ProjectionExpression: options.projection } : {}),
      }),
    );
    return Item as T | undefined;
  }

  /** Items by key, each turned into a record by `toRecord`; a missing one is absent. */
  protected async readAll<TItem, TRecord>(keys: Record<string, unknown>[], toRecord: (item: TItem) => TRecord): Promise<TRecord[]> {
    return (await this.getItems<TItem>(keys)).map(toRecord);
  }

  /** One item, read consistently and turned into a record by `toRecord`; null when there is none. */
  protected async readOne<TItem, TRecord>(key: Record<string, unknown>, toRecord: (item: TItem) => TRecord): Promise<TRecord | null> {
    const item = await this.getItem<TItem>(key, { consistent: true });
    return item ? toRecord(item) : null;
  }

  /** Every page of a Query on this table, in turn: `onPage` takes each before the next is read. */
  protected queryPages(query: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>, onPage: (page: QueryCommandOutput) => void | Promise<void>): Promise<void> {
    return forEachPage((startKey) => this.client.send(new QueryCommand({ ...query, TableName: this.tableName, ExclusiveStartKey: startKey })), onPage);
  }

  /** Every page of a Scan of this table, in turn: `onPage` takes each before the next is read. */
  protected scanPages(scan: Omit<ScanCommandInput, 'TableName' | 'ExclusiveStartKey'>, onPage: (page: ScanCommandOutput) => void | Promise<void>): Promise<void> {
    return forEachPage((startKey) => this.client.send(new ScanCommand({ ...scan, TableName: this.tableName, ExclusiveStartKey: startKey })), onPage);
  }

  /** Writes an item unless one with its `pk` exists; false when it did. */
  protected putNew(item: Record<string, unknown> & { pk: string }): Promise<boolean> {
    return putIfAbsent(this.tableName, item, this.client);
  }

  /** One UpdateItem: the item as it is after it, or null when its condition refused it. */
  protected async updateItem<T>(key: Record<string, unknown>, change: ItemChange & { update: string }): Promise<T | null> {
    const output = await unlessRefused(
      this.client.send(
        new UpdateCommand({ TableName: this.tableName, Key: key, UpdateExpression: change.update, ...expressions(change), ReturnValues: 'ALL_NEW' }),
      ),
    );
    return output ? ((output.Attributes ?? {}) as T) : null;
  }

  /** One DeleteItem: the item as it was (undefined when there was none), or null when its condition refused it. */
  protected async deleteItem<T>(key: Record<string, unknown>, change: ItemChange = {}): Promise<T | undefined | null> {
    const output = await unlessRefused(
      this.client.send(new DeleteCommand({ TableName: this.tableName, Key: key, ...expressions(change), ReturnValues: 'ALL_OLD' })),
    );
    return output ? (output.Attributes as T | undefined) : null;
  }
}

/** A conditional write's output, or null when its condition refused it. */
const unlessRefused = <T>(write: Promise<T>): Promise<T | null> =>
  write.catch((error: unknown) => (isConditionalCheckFailure(error) ? null : Promise.reject(error as Error)));

/**
 * Reads every page of a Query or Scan: `read` sends it from a start key (none
 * for the first page), `onPage` takes each page, and the next starts where the
 * last stopped.
 */
async function forEachPage<T extends { LastEvaluatedKey?: Record<string, unknown> }>(
  read: (startKey: Record<string, unknown> | undefined) => Promise<T>,
  onPage: (page: T) => void | Promise<void>,
): Promise<void> {
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await read(startKey);
    await onPage(page);
    startKey = page.LastEvaluatedKey;
  } while (startKey);
}
