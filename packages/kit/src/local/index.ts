// Local-only pieces: never imported by a Lambda entry, so never bundled into one.
export * from './apiGatewayEvent';
export * from './gracefulClose';
export * from './localEnv';
export * from './localStore';
export * from './postGraphQL';
export * from './serveLambda';
export * from './startLocalService';
export * from './writeLambdaResult';
