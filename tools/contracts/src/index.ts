// Schema contracts: composing the client schema, diffing it, checking frontend operations and
// cross-subgraph nullability, and the `schema:check` / `schema:update` commands built on them.
export * from './checkContracts';
export * from './checkOperations';
export * from './clientSchema';
export * from './contractFiles';
export * from './crossSubgraphNullability';
export * from './loadOperations';
export * from './schemaContract';
export * from './schemaDiff';
export * from './trustedDocumentsManifest';
export * from './updateContracts';
