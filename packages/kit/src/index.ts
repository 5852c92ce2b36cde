// The runtime kit: what Lambda bundles import. Local-only pieces live in `@bff/kit/local`.
export * from './auth/accessToken';
export * from './auth/caller';
export * from './auth/secrets';
export * from './config';
export * from './createLambdaGraphQLHandler';
export * from './createSubgraphHandler';
export * from './cursor';
export * from './dynamo';
export * from './demoId';
export * from './errors';
export * from './graphqlErrorBody';
export * from './loaders';
export * from './logger';
export * from './pagination';
export * from './requestContext';
export * from './tableDefinition';
