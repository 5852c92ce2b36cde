/**
 * One description of a service's DynamoDB table, read by both the local store
 * (CreateTable) and the CDK stack, so the two cannot drift apart.
 */
export interface KeyAttribute {
  name: string;
  type: 'S' | 'N' | 'B';
}

export interface GlobalIndexDefinition {
  name: string;
  partitionKey: KeyAttribute;
  sortKey?: KeyAttribute;
}

export interface TableDefinition {
  partitionKey: KeyAttribute;
  sortKey?: KeyAttribute;
  /** Global secondary indexes; every index projects all attributes. */
  globalIndexes?: GlobalIndexDefinition[];
  /**
   * An attribute holding an expiry in epoch seconds: DynamoDB deletes expired items
   * (in AWS; the local store ignores it, so code must not rely on items vanishing).
   */
  timeToLiveAttribute?: string;
}
