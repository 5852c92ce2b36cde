import { createServer } from 'node:net';

import { PortInUseError } from '@bff/kit/local';

/**
 * Rejects with PortInUseError when `host:port` is taken, so that a busy port is
 * reported before anything starts that would later fail on it (or, worse, find
 * another program answering there and take it for its own). Port 0 is always free.
 */
export function assertPortFree(port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'EADDRINUSE' ? new PortInUseError(port, host) : error));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve()));
  });
}
