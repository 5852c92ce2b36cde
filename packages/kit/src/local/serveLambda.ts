import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { ApiGatewayHandler } from '../createLambdaGraphQLHandler';
import { lambdaContext, toApiGatewayEvent } from './apiGatewayEvent';
import { DEFAULT_SHUTDOWN_GRACE_MS, gracefulClose } from './gracefulClose';
import { writeGatewayError, writeLambdaResult } from './writeLambdaResult';

/** API Gateway's payload limit: larger requests never reach the Lambda. */
const MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

export interface ServeLambdaOptions {
  /** Used as the Lambda function name. */
  name: string;
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** The function's timeout, as `context.getRemainingTimeInMillis()` reports it. */
  timeoutMs?: number;
  /** Called when the handler throws: Lambda would log it, and API Gateway answers 500. */
  onError?: (error: unknown) => void;
  /** How long `close()` lets requests in flight finish before it cuts them (the entry's SHUTDOWN_GRACE_MS; 10 s when absent). */
  shutdownGraceMs?: number;
}

export interface LocalLambdaServer {
  name: string;
  port: number;
  /** Base URL, e.g. `http://127.0.0.1:4000`. */
  origin: string;
  /**
   * Stops gracefully: no new connections, the requests in flight finish (for up
   * to `graceMs`, by default the shutdown grace, then they are cut), and it
   * resolves once all are closed. `close(0)` cuts them at once, as a crash would.
   */
  close(graceMs?: number): Promise<void>;
}

/** A port we were asked to listen on is taken. */
export class PortInUseError extends Error {
  override readonly name = 'PortInUseError';
  constructor(readonly port: number, readonly host: string) {
    super(`Port ${port} on ${host} is already in use.`);
  }
}

function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_PAYLOAD_BYTES) {
        resolve(undefined);
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * Serves an API Gateway v2 Lambda handler over node:http, turning each request
 * into the event API Gateway would send and the result into the response it
 * would give. Local runs and tests go through exactly the code Lambda runs.
 */
export async function serveLambda(handler: ApiGatewayHandler, options: ServeLambdaOptions): Promise<LocalLambdaServer> {
  const host = options.host ?? '127.0.0.1';
  const timeoutMs = options.timeoutMs ?? 30_000;
  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      if (body === undefined) {
        writeGatewayError(res, 413, 'Request Entity Too Large');
        return;
      }
      const event = toApiGatewayEvent(req, body);
      try {
        const result = await handler(event, lambdaContext(options.name, timeoutMs));
        writeLambdaResult(res, result);
      } catch (error) {
        options.onError?.(error);
        writeGatewayError(res, 500, 'Internal Server Error');
      }
    })().catch((error: unknown) => {
      options.onError?.(error);
      if (!res.headersSent) writeGatewayError(res, 500, 'Internal Server Error');
      else res.destroy();
    });
  });
  // Keep-alive connections must not hold a stopping server open.
  server.keepAliveTimeout = 5_000;
  const close = gracefulClose(server);

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(options.port ?? 0, host) : error),
    );
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    name: options.name,
    port,
    origin: `http://${host}:${port}`,
    close: (graceMs) => close(graceMs ?? options.shutdownGraceMs ?? DEFAULT_SHUTDOWN_GRACE_MS),
  };
}
