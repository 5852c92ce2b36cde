// Our gateway in a process of its own, built from source: `createGatewayHandler`
// with a `LocalFileRegistry` (argv[2]), served by the local API Gateway adapter, the
// engine and every other setting from the environment as in Lambda. Answers the
// bench's CPU profile requests.
import { serveLambda } from '@bff/kit/local';

import { createGatewayHandler } from '../../../gateway/src/createGatewayHandler';
import { LocalFileRegistry } from '../../../gateway/src/registry/localFileRegistry';
import { answerProfileRequests } from './cpuProfiler';
import type { GatewayReady } from './protocol';

async function main(): Promise<void> {
  const registryFile = process.argv[2];
  if (!registryFile) throw new Error('usage: gatewayHandler.js <registry.json>');
  const handler = createGatewayHandler({ registry: new LocalFileRegistry(registryFile) });
  const server = await serveLambda(handler, { name: 'gateway-bench-graphql', port: 0, host: '127.0.0.1' });
  answerProfileRequests();
  const stop = () => process.exit(0);
  process.on('disconnect', stop);
  process.on('SIGTERM', stop);
  const ready: GatewayReady = { type: 'ready', url: `${server.origin}/graphql` };
  process.send?.(ready);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
