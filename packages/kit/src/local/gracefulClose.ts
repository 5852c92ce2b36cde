import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/** How long requests in flight may take to finish once a local server stops, unless the caller says otherwise (SHUTDOWN_GRACE_MS). */
export const DEFAULT_SHUTDOWN_GRACE_MS = 10_000;

/**
 * Makes `server` stoppable without cutting requests, and returns the function
 * that stops it: it stops accepting connections, closes the idle keep-alive ones,
 * lets the requests in flight finish (each connection closes after its response,
 * rather than waiting for another request), and after `graceMs` cuts whatever is
 * left. Resolves once every connection is closed. Call it when the server is made,
 * so that it sees every request.
 */
export function gracefulClose(server: Server): (graceMs: number) => Promise<void> {
  const inFlight = new Set<ServerResponse>();
  let closing = false;
  server.prependListener('request', (_req: IncomingMessage, res: ServerResponse) => {
    inFlight.add(res);
    // One that comes on a connection opened before the stop is served, and that connection is the last it carries.
    if (closing) res.setHeader('connection', 'close');
    res.once('close', () => {
      inFlight.delete(res);
      // A response that had begun before the stop kept its connection open: close it now that it is idle.
      if (closing) setImmediate(() => server.closeIdleConnections());
    });
  });
  let closed: Promise<void> | undefined;
  return (graceMs) =>
    (closed ??= new Promise<void>((resolve, reject) => {
      closing = true;
      for (const res of inFlight) if (!res.headersSent) res.setHeader('connection', 'close');
      const cut = setTimeout(() => server.closeAllConnections(), graceMs);
      server.close((error) => {
        clearTimeout(cut);
        if (error) reject(error);
        else resolve();
      });
      server.closeIdleConnections();
    }));
}
