// Schema contracts: composing the client schema, diffing it, checking frontend operations and cross-subgraph nullability.
export * from './clientSchema';
export * from './crossSubgraphNullability';
export * from './operations';
export * from './schemaDiff';
