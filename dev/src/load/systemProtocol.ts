/** Writes the system under load holds at one moment, read from its tables. */
export interface StoredWrites {
  /** Comment items in the comments table. */
  comments: number;
  /** The sum of every article's comment counter (`commentCount`). */
  commentCountSum: number;
  /** Article items in the articles table. */
  articles: number;
}

/** What the load tool asks of the system process; each command is answered once, by its id. */
export type SystemCommand =
  | { id: number; type: 'stop-subgraph'; subgraph: string }
  | { id: number; type: 'start-subgraph'; subgraph: string }
  /** Waits until no subgraph request is in flight, then counts: writes cut mid-request have landed by then. */
  | { id: number; type: 'count' }
  | { id: number; type: 'close' };

export type SystemReply =
  | { type: 'ready'; gatewayUrl: string; engine: string }
  /** A count's reply also says how much CPU the system process has used so far (user + system). */
  | { type: 'done'; id: number; stored?: StoredWrites; subgraphRequests?: Record<string, number>; cpuMs?: number }
  | { type: 'failed'; id: number; message: string };

/** Set in the child's environment: the load tool's bundle then runs as the system under load. */
export const SYSTEM_ROLE_ENV = 'BFF_LOAD_ROLE';
export const SYSTEM_ROLE = 'system-under-load';
