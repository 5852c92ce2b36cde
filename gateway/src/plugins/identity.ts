import { type Secrets, UnauthenticatedError, verifyAccessToken } from '@bff/kit/core';

import type { GatewayPlugin } from './gatewayPlugin';

/**
 * Who the frontend says it is, checked once at the gateway: no Authorization
 * header is an anonymous caller; a header that is present must hold a valid
 * Bearer token, or the request is refused UNAUTHENTICATED (401) before it runs.
 * The caller then travels in the execution context to every subgraph call, signed.
 */
export function identity(secrets: Pick<Secrets, 'authSecrets'>): GatewayPlugin {
  return {
    name: 'identity',
    async identify(event) {
      const header = event.headers?.authorization;
      if (header === undefined || header === '') return { caller: null };
      const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
      if (!token) throw new UnauthenticatedError('The Authorization header must be "Bearer <token>".');
      return { caller: await verifyAccessToken(token, secrets) };
    },
  };
}
