// `@bff/kit/build`: build-time work (the CDK app), never imported by a Lambda entry:
// it holds @apollo/subgraph's federation code, which the bundles leave out.
export * from './prepareSubgraphSchema';
