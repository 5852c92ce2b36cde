// `@bff/kit/subgraph`: what a service's Lambda needs: the shared core, and its
// own Lambda factory, DynamoDB, idempotent mutations and loaders. The gateway
// never imports it. A service that calls another adds `@bff/kit/client`.
export * from './core';
export type { GraphQLResolverMap } from './apolloSubgraphInternals';
export * from './auth/gatewaySignatureCheck';
export * from './configuredOnFirstRequest';
export * from './createServiceHandler';
export * from './createSubgraphHandler';
export * from './dynamo';
export * from './dynamoTable';
export * from './idempotency/idempotentMutations';
export * from './loaders';
export * from './preparedSubgraphSchema';
