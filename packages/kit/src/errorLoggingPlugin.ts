import type { ApolloServerPlugin } from '@apollo/server';

import { ErrorCode } from './catalogue/errorCodes';
import { isExpectedError } from './formatError';
import type { RequestContext } from './requestContext';

/**
 * Logs unexpected errors in full (they are masked in the response) and gives
 * each masked error the request id, so a frontend report leads to the log line.
 */
export function errorLoggingPlugin<TContext extends RequestContext>(): ApolloServerPlugin<TContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        didEncounterErrors({ contextValue, errors }) {
          for (const error of errors) {
            if (!isExpectedError(error)) {
              contextValue.logger.error('Unexpected error while resolving', {
                error: error.originalError ?? error,
                path: error.path?.join('.'),
              });
            }
          }
          return Promise.resolve();
        },
        willSendResponse({ contextValue, response }) {
          response.http.headers.set('x-request-id', contextValue.requestId);
          if (response.body.kind !== 'single') return Promise.resolve();
          const { errors } = response.body.singleResult;
          if (errors) {
            response.body.singleResult.errors = errors.map((error) =>
              error.extensions?.code === ErrorCode.INTERNAL_SERVER_ERROR
                ? { ...error, extensions: { ...error.extensions, requestId: contextValue.requestId } }
                : error,
            );
          }
          return Promise.resolve();
        },
      });
    },
  };
}
