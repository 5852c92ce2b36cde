import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

import type { Caller } from './accessToken';

/** The header the gateway (or another service) puts on every call to a subgraph. */
export const INTERNAL_HEADER = 'x-bff-internal';

/** A signature older than this, or this far in the future, is refused. */
export const SIGNATURE_MAX_AGE_MS = 30_000;

interface SignedClaims {
  /** The calling user, or null for an anonymous request. */
  sub: string | null;
  /** The request id at the edge: follows the request into the subgraph's logs. */
  rid: string;
  /** Signed at, in epoch milliseconds. */
  ts: number;
  /** One per call, so that a captured header cannot be sent again. */
  nonce: string;
  /** The frontend client's address at the edge, when the signer knows it. */
  ip?: string;
  /** The frontend's Idempotency-Key, on the calls of a mutation that carried one. */
  idem?: string;
}

/** What a valid signature vouches for. */
export interface InternalCall {
  caller: Caller | null;
  requestId: string;
  /** The address the request reached the gateway from: per-client limits (login attempts) key on it. */
  sourceIp?: string;
  /**
   * The client's idempotency key for this mutation: the subgraph answers a repeat
   * of it with the first result. Signed, so only the gateway decides it.
   */
  idempotencyKey?: string;
}

/** The call is not one the gateway signed: missing, forged, stale, replayed or for another body. */
export class InternalSignatureError extends Error {
  override readonly name = 'InternalSignatureError';
}

const bodyDigest = (body: string) => createHash('sha256').update(body).digest('base64url');

function mac(secret: Uint8Array, payload: string, body: string): Buffer {
  return createHmac('sha256', secret).update(`v1.${payload}.${bodyDigest(body)}`).digest();
}

/**
 * Signs one call: HMAC-SHA256 over the caller, the request id, the source IP
 * and the idempotency key (when given), the time, a nonce and a digest of the
 * exact body, so the header is good for this body, once, for a short while.
 */
export function signInternalCall(call: InternalCall, body: string, secret: Uint8Array, now = Date.now()): string {
  const claims: SignedClaims = {
    sub: call.caller?.userId ?? null,
    rid: call.requestId,
    ts: now,
    nonce: randomBytes(12).toString('base64url'),
    ...(call.sourceIp === undefined ? {} : { ip: call.sourceIp }),
    ...(call.idempotencyKey === undefined ? {} : { idem: call.idempotencyKey }),
  };
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `v1.${payload}.${mac(secret, payload, body).toString('base64url')}`;
}

/**
 * Remembers nonces for as long as their signatures are valid: a header seen
 * before is a replay. Per process, so in AWS it guards one Lambda instance;
 * IAM authorization on the subgraph APIs is the outer guard.
 */
export class NonceCache {
  private readonly seen = new Map<string, number>();

  /** False when the nonce was seen already. */
  remember(nonce: string, expiresAt: number, now = Date.now()): boolean {
    if (this.seen.size > 10_000) for (const [key, expiry] of this.seen) if (expiry < now) this.seen.delete(key);
    if (this.seen.has(nonce)) return false;
    this.seen.set(nonce, expiresAt);
    return true;
  }
}

/**
 * What the header vouches for. Throws InternalSignatureError unless the
 * secret's holder signed it for this body, recently, and it was not seen before.
 */
export function verifyInternalCall(
  header: string | undefined,
  body: string,
  secret: Uint8Array,
  nonces: NonceCache,
  now = Date.now(),
): InternalCall {
  if (!header) throw new InternalSignatureError('missing signature');
  const [version, payload, signature, extra] = header.split('.');
  if (version !== 'v1' || !payload || !signature || extra !== undefined) throw new InternalSignatureError('malformed signature');
  const given = Buffer.from(signature, 'base64url');
  const expected = mac(secret, payload, body);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new InternalSignatureError('bad signature');
  let claims: SignedClaims;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as SignedClaims;
  } catch {
    throw new InternalSignatureError('malformed claims');
  }
  if (typeof claims.ts !== 'number' || Math.abs(now - claims.ts) > SIGNATURE_MAX_AGE_MS) throw new InternalSignatureError('expired signature');
  if (typeof claims.nonce !== 'string' || !nonces.remember(claims.nonce, claims.ts + SIGNATURE_MAX_AGE_MS, now)) {
    throw new InternalSignatureError('replayed signature');
  }
  return {
    caller: typeof claims.sub === 'string' ? { userId: claims.sub } : null,
    requestId: String(claims.rid),
    ...(typeof claims.ip === 'string' ? { sourceIp: claims.ip } : {}),
    ...(typeof claims.idem === 'string' ? { idempotencyKey: claims.idem } : {}),
  };
}
