// `@bff/kit`: the whole runtime kit, for tools and tests. Lambda entries import
// less, so that their bundles hold less: `@bff/kit/core` and `@bff/kit/client`
// (the gateway), `@bff/kit/subgraph` (a service). Local-only pieces live in
// `@bff/kit/local`, build-time ones in `@bff/kit/build`. Pure data and types, which
// load nothing: `@bff/kit/errors` (domain errors and error codes: services, the
// frontend) and `@bff/kit/catalogue` (error codes and services: infra, tools).
export * from './client';
export * from './subgraph';
