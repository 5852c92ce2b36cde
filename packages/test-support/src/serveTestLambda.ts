import type { ApiGatewayHandler } from '@bff/kit';
import { type LocalLambdaServer, serveLambda, type ServeLambdaOptions } from '@bff/kit/local';

/** Serves a Lambda handler on a free port through the kit's local adapter (its default shutdown grace), as a test needs it. */
export function serveTestLambda(handler: ApiGatewayHandler, name: string, options: Omit<ServeLambdaOptions, 'name'> = {}): Promise<LocalLambdaServer> {
  return serveLambda(handler, { ...options, name });
}
