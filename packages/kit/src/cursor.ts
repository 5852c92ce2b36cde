import { createCipheriv, createDecipheriv, createHmac, hkdfSync } from 'node:crypto';

import type { Secrets } from './auth/secrets';
import { BadUserInputError } from './errors';

const INVALID = 'The cursor is not valid for this list: start again from the first page.';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The two keys made from the cursor secret: one encrypts, one derives each cursor's IV. */
interface CursorKeys {
  encryption: Buffer;
  iv: Buffer;
}

// Per secret value; the secrets module keeps each value's bytes, so the identity is stable.
const derivedKeys = new WeakMap<Uint8Array, CursorKeys>();

/** Where the cursor key comes from: the Lambda's `Secrets`. */
export type CursorSecrets = Pick<Secrets, 'cursorSecret'>;

async function cursorKeys(secrets: CursorSecrets): Promise<CursorKeys> {
  const secret = await secrets.cursorSecret();
  let found = derivedKeys.get(secret);
  if (!found) {
    // The secret is text of any length from 32 bytes: HKDF turns it into uniform keys of the size each use needs.
    const derive = (info: string) => Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), info, 32));
    found = { encryption: derive('bff cursor aes-256-gcm'), iv: derive('bff cursor iv') };
    derivedKeys.set(secret, found);
  }
  return found;
}

/**
 * An opaque cursor: the DynamoDB key to continue from, encrypted with AES-256-GCM
 * under the cursor key, with the list it belongs to (`scope`) as authenticated
 * data. It reveals nothing of the table's layout, and an edited cursor or one
 * from another list fails to decrypt. `iv | ciphertext | tag`, base64url.
 */
export async function encodeCursor(
  key: Record<string, unknown>,
  scope: string,
  secrets: CursorSecrets,
): Promise<string> {
  const { encryption, iv: ivKey } = await cursorKeys(secrets);
  const plaintext = JSON.stringify(key);
  // A synthetic IV, an HMAC of the list and the key: two different plaintexts never share an IV (which would
  // break GCM), and the same place in the same list always gets the same cursor (both engines, every page load).
  const iv = createHmac('sha256', ivKey).update(`${Buffer.byteLength(scope)}:${scope}`).update(plaintext).digest().subarray(0, IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', encryption, iv);
  cipher.setAAD(Buffer.from(scope));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, ciphertext, cipher.getAuthTag()]).toString('base64url');
}

/** The key a cursor from `encodeCursor` holds; `BAD_USER_INPUT` for anything else. */
export async function decodeCursor(
  cursor: string,
  scope: string,
  secrets: CursorSecrets,
): Promise<Record<string, unknown>> {
  // Buffer.from skips characters outside the alphabet: check it, so that an edited cursor never decodes.
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new BadUserInputError(INVALID);
  const bytes = Buffer.from(cursor, 'base64url');
  if (bytes.length <= IV_BYTES + TAG_BYTES) throw new BadUserInputError(INVALID);
  const decipher = createDecipheriv('aes-256-gcm', (await cursorKeys(secrets)).encryption, bytes.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(scope));
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  let key: unknown;
  try {
    const plaintext = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]);
    key = JSON.parse(plaintext.toString('utf8'));
  } catch (error) {
    throw new BadUserInputError(INVALID, { cause: error });
  }
  if (typeof key !== 'object' || key === null || Array.isArray(key)) throw new BadUserInputError(INVALID);
  return key as Record<string, unknown>;
}
