// Our gateway in a process of its own, as Lambda runs it: the deployed bundle
// (argv[2]) is required and its `handler` served by the local API Gateway adapter.
// Its environment (registry file, engine, secrets) comes from the bench.
import { createRequire } from 'node:module';

import type { ApiGatewayHandler } from '@bff/kit/core';
import { serveLambda } from '@bff/kit/local';

import { childSettings } from './childSettings';
import type { GatewayReady } from './protocol';

async function main(): Promise<void> {
  const bundle = process.argv[2];
  if (!bundle) throw new Error('usage: gateway.js <bundle>');
  // Required as the Lambda runtime requires it.
  const { handler } = createRequire(__filename)(bundle) as { handler: ApiGatewayHandler };
  // The bundle reads the environment itself, as in Lambda; this process only for its server's grace.
  const { shutdownGraceMs } = childSettings(process.env);
  const server = await serveLambda(handler, { name: 'gateway-bench-graphql', port: 0, host: '127.0.0.1', shutdownGraceMs });
  const ready: GatewayReady = { type: 'ready', url: `${server.origin}/graphql` };
  process.send?.(ready);
  process.on('disconnect', () => process.exit(0));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
