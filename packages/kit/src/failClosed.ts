import { ErrorCode } from './catalogue/errorCodes';
import type { ApiGatewayHandler } from './createLambdaGraphQLHandler';
import { graphqlErrorBody } from './graphqlErrorBody';
import { createLogger, type Logger } from './logger';
import { type RequiredSettings, settingsProblems } from './settingsProblems';

/**
 * Guards a Lambda handler with a check of its settings and secrets, made on the
 * first request (secrets may come from Secrets Manager, which only a request can
 * wait for). While anything is missing, too short or wrong, it logs one line
 * naming it (again only when the problem changes) and answers every request
 * `SERVICE_MISCONFIGURED` (503), never a bare 500. The check is made again on
 * each request until it passes, so a secret that could not be read is tried again.
 */
export function failClosed(service: string, required: RequiredSettings, handler: ApiGatewayHandler): ApiGatewayHandler {
  // Made only for a problem to report: a healthy Lambda never needs it.
  let logger: Logger | undefined;
  let ready = false;
  let reported: string | undefined;
  return async (event, context) => {
    if (!ready) {
      const problems = await settingsProblems(required);
      if (problems.length) {
        const line = `The ${service} service is misconfigured: ${problems.join('; ')}`;
        if (line !== reported) (logger ??= createLogger(service)).error(line);
        reported = line;
        return graphqlErrorBody(503, `The ${service} service is misconfigured and cannot answer; its log says what is missing.`, ErrorCode.SERVICE_MISCONFIGURED);
      }
      ready = true;
    }
    return handler(event, context);
  };
}
