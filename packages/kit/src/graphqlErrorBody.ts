import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

import type { ErrorCode } from './catalogue/errorCodes';

/** A complete HTTP response whose body is a GraphQL error result: what clients can always parse. */
export function graphqlErrorBody(
  statusCode: number,
  message: string,
  code: ErrorCode,
  extensions: Record<string, unknown> = {},
): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify({ errors: [{ message, extensions: { code, ...extensions } }] }),
  };
}
