import type { APIGatewayProxyEventV2 } from 'aws-lambda';

import { UnauthenticatedError } from '../errors';
import { type Caller, verifyAccessToken } from './accessToken';

/**
 * Who the frontend says it is, read once at the gateway: no Authorization
 * header means an anonymous caller (null); a header that is present must hold
 * a valid Bearer token, or the request is UNAUTHENTICATED.
 */
export async function callerFromBearerToken(event: APIGatewayProxyEventV2): Promise<Caller | null> {
  const header = event.headers?.authorization;
  if (header === undefined || header === '') return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw new UnauthenticatedError('The Authorization header must be "Bearer <token>".');
  return verifyAccessToken(match[1]);
}
