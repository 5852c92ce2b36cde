// Idempotent mutations: the key's header (read by the gateway), the subgraphs' resolver wrapper and their table.
export * from './idempotencyKeyHeader';
export * from './idempotencyTable';
export * from './idempotentMutations';
