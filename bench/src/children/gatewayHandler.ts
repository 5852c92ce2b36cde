// Our gateway in a process of its own, built from source: `createGatewayHandler`
// with a `LocalFileRegistry` (argv[2]), served by the local API Gateway adapter, its
// settings and keys read from the environment once as the Lambda entry reads them
// (engine, admission, secrets). Answers the bench's CPU profile requests.
import { createGatewayHandler, LocalFileRegistry, readGatewaySettings } from '@bff/gateway';
import { parseEnv, Secrets } from '@bff/kit/core';
import { localEnvSchema, serveLambda } from '@bff/kit/local';

import { answerProfileRequests } from './cpuProfiler';
import type { GatewayReady } from './protocol';

async function main(): Promise<void> {
  const registryFile = process.argv[2];
  if (!registryFile) throw new Error('usage: gatewayHandler.js <registry.json>');
  // The registry is the file given here, whatever the environment names.
  const { registry: _fromEnvironment, ...settings } = readGatewaySettings(process.env);
  const handler = createGatewayHandler({ registry: new LocalFileRegistry(registryFile), settings, secrets: new Secrets(settings.runtime.secrets) });
  const { SHUTDOWN_GRACE_MS: shutdownGraceMs } = parseEnv(localEnvSchema, process.env);
  const server = await serveLambda(handler, { name: 'gateway-bench-graphql', port: 0, host: '127.0.0.1', shutdownGraceMs });
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
