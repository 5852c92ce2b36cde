import { HeaderMap } from '@apollo/server';
import { handlers } from '@as-integrations/aws-lambda';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

import { ErrorCode } from './catalogue/errorCodes';
import { eventBody } from './eventBody';
import { graphqlErrorBody } from './graphqlErrorBody';

/** Thrown while reading the event; answered as a GraphQL error with a 400. */
class BadRequestError extends Error {
  override readonly name = 'BadRequestError';
}

/**
 * Apollo Server request handler for API Gateway HTTP API (payload 2.0) events.
 * Unlike the stock one, a body that is not valid JSON, or an unexpected failure,
 * becomes a GraphQL-shaped error response instead of a plain-text message.
 */
export function apiGatewayRequestHandler() {
  return handlers.createRequestHandler<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>(
    (event) => {
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(event.headers ?? {})) {
        if (value !== undefined) headers.set(key, value);
      }
      // Payload 2.0 moves cookies out of the headers; put them back for completeness.
      if (event.cookies?.length) headers.set('cookie', event.cookies.join('; '));
      const text = eventBody(event);
      const contentType = headers.get('content-type') ?? '';
      let body: unknown = '';
      if (text !== '' && /^application\/(.+\+)?json/i.test(contentType)) {
        try {
          body = JSON.parse(text);
        } catch {
          throw new BadRequestError('The request body is not valid JSON.');
        }
      } else if (text !== '' && contentType.startsWith('text/plain')) {
        body = text;
      }
      return {
        method: event.requestContext.http.method.toUpperCase(),
        headers,
        search: event.rawQueryString ?? '',
        body,
      };
    },
    {
      success({ body, headers, status }) {
        if (body.kind !== 'complete') {
          // Incremental delivery (@defer/@stream) cannot be streamed through API Gateway.
          return graphqlErrorBody(500, 'Incremental delivery is not supported.', ErrorCode.INTERNAL_SERVER_ERROR);
        }
        return {
          statusCode: status ?? 200,
          headers: Object.fromEntries(headers),
          body: body.string,
        };
      },
      error(error) {
        if (error instanceof BadRequestError) return graphqlErrorBody(400, error.message, ErrorCode.BAD_REQUEST);
        return graphqlErrorBody(500, 'Internal server error.', ErrorCode.INTERNAL_SERVER_ERROR);
      },
    },
  );
}
