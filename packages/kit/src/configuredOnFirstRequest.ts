import type { ApiGatewayHandler } from './createLambdaGraphQLHandler';
import { failClosed } from './failClosed';

/**
 * A Lambda entry whose handler `configure` builds from the environment, once, on
 * the first request: a setting that does not parse answers SERVICE_MISCONFIGURED
 * with the problem named in the log (never a failed init), and is tried again on
 * each request until it parses. The handler `configure` builds checks the rest
 * (production variables, secrets) itself.
 */
export function configuredOnFirstRequest(service: string, configure: () => ApiGatewayHandler): ApiGatewayHandler {
  let handler: ApiGatewayHandler | undefined;
  const configured = () => (handler ??= configure());
  return failClosed(service, { validate: () => void configured() }, (event, context) => configured()(event, context));
}
