// `@bff/kit/core`: what the gateway and the services share. A Lambda bundle holds
// every module an entry re-exports (the kit is not marked "sideEffects": false:
// with esbuild that flag loses module initialisations, evanw/esbuild#2326), so the
// entries are cut by what a bundle needs: no subgraph client here (undici), no
// subgraph-only code (`@bff/kit/subgraph`), nothing for build time (`@bff/kit/build`).
export * from './auth/accessToken';
export * from './auth/internalSignature';
export * from './auth/signInternalHeaders';
export * from './auth/secrets';
export * from './catalogue/services';
export * from './env/parseEnv';
export * from './env/runtimeEnv';
export * from './env/serviceEnv';
export * from './eventBody';
export * from './createLambdaGraphQLHandler';
export * from './cursor';
export * from './demoId';
export * from './errors';
export * from './failClosed';
export * from './graphqlErrorBody';
export * from './idempotency/idempotencyKeyHeader';
export * from './idempotency/idempotencyTable';
export * from './logger';
export * from './pagination';
export * from './requestContext';
export * from './settingsProblems';
export * from './tableDefinition';
export * from './writeFileAtomic';
