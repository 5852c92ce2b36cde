import type { ApiGatewayHandler } from '@bff/kit';
import { type LocalLambdaServer, serveLambda, type ServeLambdaOptions } from '@bff/kit/local';

/** The grace `close()` gives requests in flight: the local system's default, said here rather than read from the environment. */
export const TEST_SHUTDOWN_GRACE_MS = 10_000;

/** Serves a Lambda handler on a free port through the kit's local adapter, as a test needs it. */
export function serveTestLambda(handler: ApiGatewayHandler, name: string, options: Omit<ServeLambdaOptions, 'name'> = {}): Promise<LocalLambdaServer> {
  return serveLambda(handler, { shutdownGraceMs: TEST_SHUTDOWN_GRACE_MS, ...options, name });
}
