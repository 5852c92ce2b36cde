import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';

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

/** One subgraph of the gateway-only scenario is up and serving. */
export interface ShopSubgraphReady {
  type: 'ready';
  name: string;
  url: string;
}

/** A shop subgraph's requests since the last reset. */
export interface ShopCountersReply {
  type: 'counters';
  requests: number;
}

/** Asks a gateway process to start its CPU profile, or to stop it and write it to `file`. */
export type ProfileMessage = { type: 'profile'; action: 'start' } | { type: 'profile'; action: 'stop'; file: string };
export interface ProfileReply {
  type: 'profile';
  action: 'start' | 'stop';
}

/** One invocation for the cold start runner: the event, and its Lambda context's data (the runner adds the functions). */
export interface Invocation {
  event: APIGatewayProxyEventV2;
  context: { data: Omit<Context, 'getRemainingTimeInMillis' | 'done' | 'fail' | 'succeed'>; timeoutMs: number };
}
