// Schema contracts: composing the client schema, diffing it, checking frontend operations.
export * from './clientSchema';
export * from './operations';
export * from './schemaDiff';
