import { createHmac, timingSafeEqual } from 'node:crypto';

import { authSecrets } from './auth/secrets';
import { BadUserInputError } from './errors';

const INVALID = 'The cursor is not valid for this list: start again from the first page.';

async function mac(scope: string, payload: string): Promise<Buffer> {
  const { jwtSecret } = await authSecrets();
  // A key of its own, derived from the service secret, so cursors cannot be confused with tokens.
  const key = createHmac('sha256', jwtSecret).update('cursor-key').digest();
  return createHmac('sha256', key).update(`${scope}\n${payload}`).digest().subarray(0, 16);
}

/**
 * An opaque cursor: the DynamoDB key to continue from, with an HMAC over it and
 * the list it belongs to (`scope`), so it cannot be edited or used on another list.
 */
export async function encodeCursor(key: Record<string, unknown>, scope: string): Promise<string> {
  const payload = Buffer.from(JSON.stringify(key)).toString('base64url');
  return `${payload}.${(await mac(scope, payload)).toString('base64url')}`;
}

export async function decodeCursor(cursor: string, scope: string): Promise<Record<string, unknown>> {
  const [payload, signature, extra] = cursor.split('.');
  if (!payload || !signature || extra !== undefined) throw new BadUserInputError(INVALID);
  const expected = await mac(scope, payload);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new BadUserInputError(INVALID);
  try {
    const key: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (typeof key !== 'object' || key === null || Array.isArray(key)) throw new Error('not an object');
    return key as Record<string, unknown>;
  } catch (error) {
    throw new BadUserInputError(INVALID, { cause: error });
  }
}
