import type { APIGatewayProxyEventV2 } from 'aws-lambda';

/** The request body as the client sent it, as text: '' when there is none (API Gateway base64-encodes binary bodies). */
export function eventBody(event: APIGatewayProxyEventV2): string {
  if (!event.body) return '';
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
}

/** The body's size in bytes, without decoding it: what a body limit compares. */
export function eventBodyBytes(event: APIGatewayProxyEventV2): number {
  if (!event.body) return 0;
  return event.isBase64Encoded ? Buffer.byteLength(event.body, 'base64') : Buffer.byteLength(event.body);
}
