// `@bff/kit/client`: the HTTP client for calls to subgraphs (undici, SigV4 signing):
// the gateway's, and a service's that calls another service.
export * from './aws/signedForIam';
export * from './subgraphClient';
