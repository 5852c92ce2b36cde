// The one HTTP client for calls to subgraphs: the gateway's engines, SDL introspection, and services calling services.
export * from './operationKind';
export * from './retryAfter';
export * from './rootFieldOf';
export * from './serviceClient';
export * from './subgraphClient';
export * from './subgraphClientSettings';
export * from './subgraphErrors';
