// `@bff/kit/catalogue`: the facts several parts must agree on (error codes, services), as pure data:
// for tools (infra, npm start, contracts, bench) that need them without the runtime.
export * from './errorCodes';
export * from './services';
