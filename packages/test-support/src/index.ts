// `@bff/test-support`: what the tests of every workspace share, one concept per file.
// The Lambda context is the kit's own (`lambdaContext`), re-exported so tests find it here.
export { lambdaContext } from '@bff/kit/local';
export * from './developerKeys';
export * from './eventually';
export * from './federationLink';
export * from './fixtureSubgraphs';
export * from './lambdaProcess';
export * from './postSignedGraphQL';
export * from './serveTestLambda';
export * from './signedFetch';
export * from './signedHeaders';
export * from './temporaryDirectory';
export * from './troubledSubgraphs';
