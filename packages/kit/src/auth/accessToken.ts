import { errors, jwtVerify, SignJWT } from 'jose';

import { UnauthenticatedError } from '../errors';
import type { Secrets } from './secrets';

const TOKEN_ISSUER = 'bff-users';
const TOKEN_AUDIENCE = 'bff';

/** Who is calling: the user a valid access token names. */
export interface Caller {
  userId: string;
}

/** What issuing a token takes: the key, and how long the token lives (`RuntimeSettings.accessTokenTtlSeconds`). */
export interface TokenIssuing {
  secrets: Pick<Secrets, 'authSecrets'>;
  ttlSeconds: number;
}

/** A short-lived HS256 JWT for this user, with issuer, audience and expiry. */
export async function issueAccessToken(
  userId: string,
  { secrets, ttlSeconds }: TokenIssuing,
): Promise<string> {
  const { jwtSecret } = await secrets.authSecrets();
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(userId)
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(jwtSecret);
}

/** Checks signature, algorithm, issuer, audience and expiry; UNAUTHENTICATED with a reason a frontend can show. */
export async function verifyAccessToken(
  token: string,
  secrets: Pick<Secrets, 'authSecrets'>,
): Promise<Caller> {
  const { jwtSecret } = await secrets.authSecrets();
  try {
    const { payload } = await jwtVerify(token, jwtSecret, {
      algorithms: ['HS256'],
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      requiredClaims: ['sub', 'exp'],
    });
    return { userId: payload.sub! };
  } catch (error) {
    if (error instanceof errors.JWTExpired) {
      throw new UnauthenticatedError('Your session has expired: log in again.', { cause: error });
    }
    throw new UnauthenticatedError('The access token is not valid: log in again.', { cause: error });
  }
}
