import { request } from 'node:http';

import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';

import type { ApiGatewayHandler } from '../src';
import { type LocalLambdaServer, PortInUseError, serveLambda } from '../src/local';

/** Sends a raw HTTP request (repeated headers, any method) and collects the answer. */
function send(
  server: LocalLambdaServer,
  options: { method?: string; path?: string; headers?: [string, string][]; body?: Buffer | string },
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        method: options.method ?? 'GET',
        path: options.path ?? '/',
        // Raw header pairs keep repeats apart; node then adds no Host header of its own.
        headers: [['Host', `127.0.0.1:${server.port}`], ...(options.headers ?? [])].flat(),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('serveLambda: API Gateway HTTP API (payload 2.0) events', () => {
  let seen: { event: APIGatewayProxyEventV2; context: Context } | undefined;
  let reply: (event: APIGatewayProxyEventV2) => APIGatewayProxyResultV2 = () => ({ statusCode: 204 });
  let server: LocalLambdaServer;

  beforeAll(async () => {
    const handler = ((event: APIGatewayProxyEventV2, context: Context) => {
      seen = { event, context };
      return Promise.resolve(reply(event));
    }) as ApiGatewayHandler;
    server = await serveLambda(handler, { name: 'echo', timeoutMs: 3_000 });
  });
  afterAll(() => server.close());
  beforeEach(() => {
    seen = undefined;
    reply = () => ({ statusCode: 204 });
  });

  it('passes method, raw path and query string, lower-cased joined headers, cookies and a text body', async () => {
    await send(server, {
      method: 'POST',
      path: '/graphql/a%20b?x=1&x=2&y=%C3%A9',
      headers: [
        ['Content-Type', 'application/json'],
        ['X-Multi', 'one'],
        ['X-Multi', 'two'],
        ['Cookie', 'a=1; b=2'],
        ['User-Agent', 'jest'],
      ],
      body: '{"query":"{ a }"}',
    });
    const event = seen!.event;
    expect(event.version).toBe('2.0');
    expect(event.routeKey).toBe('$default');
    expect(event.requestContext.http.method).toBe('POST');
    expect(event.rawPath).toBe('/graphql/a%20b');
    expect(event.requestContext.http.path).toBe('/graphql/a b');
    expect(event.rawQueryString).toBe('x=1&x=2&y=%C3%A9');
    expect(event.queryStringParameters).toEqual({ x: '1,2', y: 'é' });
    expect(event.headers['content-type']).toBe('application/json');
    expect(event.headers['x-multi']).toBe('one,two');
    expect(event.headers.cookie).toBeUndefined();
    expect(event.cookies).toEqual(['a=1', 'b=2']);
    expect(event.isBase64Encoded).toBe(false);
    expect(event.body).toBe('{"query":"{ a }"}');
    expect(event.requestContext.http.sourceIp).toBe('127.0.0.1');
    expect(event.requestContext.http.userAgent).toBe('jest');
    expect(event.headers['x-forwarded-for']).toBe('127.0.0.1');
    expect(event.requestContext.requestId).toMatch(/^[A-Za-z0-9+/]{14}==$/);
    expect(event.requestContext.time).toMatch(/^\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000$/);
    expect(seen!.context.functionName).toBe('echo');
    expect(seen!.context.getRemainingTimeInMillis()).toBeLessThanOrEqual(3_000);
  });

  it('base64-encodes a binary body and leaves out an empty one', async () => {
    const bytes = Buffer.from([0, 1, 2, 250, 251]);
    await send(server, { method: 'POST', headers: [['content-type', 'application/octet-stream']], body: bytes });
    expect(seen!.event.isBase64Encoded).toBe(true);
    expect(Buffer.from(seen!.event.body!, 'base64')).toEqual(bytes);

    await send(server, { method: 'GET', path: '/x' });
    expect(seen!.event.body).toBeUndefined();
    expect(seen!.event.queryStringParameters).toBeUndefined();
  });

  it('writes status, headers, cookies and a base64 body back', async () => {
    reply = () => ({
      statusCode: 201,
      headers: { 'x-answer': '42' },
      cookies: ['s=1; HttpOnly', 't=2'],
      body: Buffer.from('binary!').toString('base64'),
      isBase64Encoded: true,
    });
    const response = await send(server, {});
    expect(response.status).toBe(201);
    expect(response.headers['x-answer']).toBe('42');
    expect(response.headers['set-cookie']).toEqual(['s=1; HttpOnly', 't=2']);
    expect(response.body.toString()).toBe('binary!');
  });

  it('answers a result without statusCode as 200 JSON, as API Gateway does', async () => {
    reply = () => ({ hello: 'world' }) as unknown as APIGatewayProxyResultV2;
    const response = await send(server, {});
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/json');
    expect(JSON.parse(response.body.toString())).toEqual({ hello: 'world' });
  });

  it('answers 500 when the handler throws, and keeps serving', async () => {
    reply = () => {
      throw new Error('boom');
    };
    const failed = await send(server, {});
    expect(failed.status).toBe(500);
    expect(JSON.parse(failed.body.toString())).toEqual({ message: 'Internal Server Error' });
    reply = () => ({ statusCode: 200, body: 'ok' });
    expect((await send(server, {})).status).toBe(200);
  });

  it('refuses a body over API Gateway’s 10 MB limit with 413 before the handler sees it', async () => {
    const response = await send(server, { method: 'POST', body: Buffer.alloc(10 * 1024 * 1024 + 1, 97) });
    expect(response.status).toBe(413);
    expect(seen).toBeUndefined();
  });

  it('reports a busy port by number', async () => {
    await expect(serveLambda(() => Promise.resolve({ statusCode: 200 }), { name: 'twin', port: server.port })).rejects.toThrow(
      new PortInUseError(server.port, '127.0.0.1'),
    );
  });
});
