import type { ServerResponse } from 'node:http';

import type { APIGatewayProxyResultV2 } from 'aws-lambda';

/**
 * Writes a Lambda result as API Gateway's HTTP API would: a structured result
 * (status, headers, cookies as Set-Cookie, base64 body), or, for any other
 * value, a 200 with that value as JSON.
 */
export function writeLambdaResult(res: ServerResponse, result: APIGatewayProxyResultV2): void {
  if (typeof result !== 'object' || result === null || !('statusCode' in result)) {
    const body = typeof result === 'string' ? result : JSON.stringify(result);
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
    return;
  }
  const body = result.body === undefined ? Buffer.alloc(0) : Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8');
  for (const [name, value] of Object.entries(result.headers ?? {})) res.setHeader(name, String(value));
  if (result.cookies?.length) res.setHeader('set-cookie', result.cookies);
  res.setHeader('content-length', body.length);
  res.writeHead(result.statusCode ?? 200);
  res.end(body);
}

/** API Gateway's own answers when the integration cannot give one. */
export function writeGatewayError(res: ServerResponse, statusCode: number, message: string): void {
  const body = JSON.stringify({ message });
  res.writeHead(statusCode, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}
