/** What the subgraphs process counted since the last reset. */
export interface Counters {
  /** Requests each subgraph received. */
  requests: Record<string, number>;
  /** DynamoDB commands sent, by command name (QueryCommand, BatchGetCommand, …). */
  dynamodb: Record<string, number>;
}

export interface SubgraphsReady {
  type: 'ready';
  subgraphs: { name: string; url: string }[];
  storeEndpoint: string;
  articleIds: string[];
  userIds: string[];
}

export type SubgraphsMessage = { type: 'counters'; reset: boolean };
export type SubgraphsReply = SubgraphsReady | { type: 'counters'; counters: Counters };

/** A gateway process is up and serving. */
export interface GatewayReady {
  type: 'ready';
  url: string;
}
