import type { StoreSnapshot } from './storeSnapshot';

/** Writes the system under load holds at one moment, read from its tables. */
export interface StoredWrites {
  /** Comment items in the comments table. */
  comments: number;
  /** The sum of every article's comment counter (`commentCount`), once the count changes left pending were settled. */
  commentCountSum: number;
  /** The same sum as read, before settling. */
  commentCountRawSum: number;
  /** Count changes writers had recorded on the counters and not taken off, as read; and how many were settled. */
  pendingCountChanges: number;
  settledCountChanges: number;
  /** Live articles in the articles table (a deletion's tombstone is no article). */
  articles: number;
  tombstones: number;
}

/** A count of the store, and with it, when asked, every comment, counter and article. */
export interface StoreCount {
  stored: StoredWrites;
  items?: StoreSnapshot;
}

/** What the load tool asks of the system process; each command is answered once, by its id. */
export type SystemCommand =
  | { id: number; type: 'stop-subgraph'; subgraph: string }
  | { id: number; type: 'start-subgraph'; subgraph: string }
  /** Waits until no subgraph request is in flight, then counts: writes cut mid-request have landed by then. */
  | { id: number; type: 'count'; withItems?: boolean }
  | { id: number; type: 'close' };

export type SystemReply =
  | { type: 'ready'; gatewayUrl: string; engine: string }
  /** A count's reply also says how much CPU the system process has used so far (user + system). */
  | { type: 'done'; id: number; count?: StoreCount; subgraphRequests?: Record<string, number>; cpuMs?: number }
  | { type: 'failed'; id: number; message: string };

/** Set in the child's environment: the load tool's bundle then runs as the system under load. */
export const SYSTEM_ROLE_ENV = 'BFF_LOAD_ROLE';
export const SYSTEM_ROLE = 'system-under-load';
