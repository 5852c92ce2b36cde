// The module's old path: the kit's index still exports from here until it names readInternalCall.
export * from './readInternalCall';
