import { randomBytes } from 'node:crypto';

import { InternalSignatureError, NonceCache, SIGNATURE_MAX_AGE_MS, signInternalCall, verifyInternalCall } from '../../src';

const secret = randomBytes(32);
const body = JSON.stringify({ query: '{ me { id } }' });
const call = { caller: { userId: 'u1' }, requestId: 'r1', idempotencyKey: 'k-1' };
const refused = (reason: string) => new InternalSignatureError(reason);

describe('the internal signature (gateway → subgraph)', () => {
  it('vouches for the caller, request id and idempotency key it was made for', () => {
    expect(verifyInternalCall(signInternalCall(call, body, secret), body, secret, new NonceCache())).toEqual(call);
    const anonymous = signInternalCall({ caller: null, requestId: 'r2' }, body, secret);
    expect(verifyInternalCall(anonymous, body, secret, new NonceCache())).toEqual({ caller: null, requestId: 'r2' });
  });

  it('is good for its body only, and only under its key', () => {
    const header = signInternalCall(call, body, secret);
    expect(() => verifyInternalCall(header, `${body} `, secret, new NonceCache())).toThrow(refused('bad signature'));
    expect(() => verifyInternalCall(header, body, randomBytes(32), new NonceCache())).toThrow(refused('bad signature'));
  });

  it('is good once: the same header again is a replay', () => {
    const nonces = new NonceCache();
    const header = signInternalCall(call, body, secret);
    verifyInternalCall(header, body, secret, nonces);
    expect(() => verifyInternalCall(header, body, secret, nonces)).toThrow(refused('replayed signature'));
    // A new signature for the same call is a new call.
    expect(verifyInternalCall(signInternalCall(call, body, secret), body, secret, nonces)).toEqual(call);
  });

  it('is good for a short while either side of now', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    const header = signInternalCall(call, body, secret, now);
    expect(verifyInternalCall(header, body, secret, new NonceCache(), now + SIGNATURE_MAX_AGE_MS)).toEqual(call);
    expect(() => verifyInternalCall(header, body, secret, new NonceCache(), now + SIGNATURE_MAX_AGE_MS + 1)).toThrow(refused('expired signature'));
    expect(() => verifyInternalCall(header, body, secret, new NonceCache(), now - SIGNATURE_MAX_AGE_MS - 1)).toThrow(refused('expired signature'));
  });

  it.each([
    ['missing', undefined, 'missing signature'],
    ['empty', '', 'missing signature'],
    ['of another version', 'v2.a.b', 'malformed signature'],
    ['in too many parts', 'v1.a.b.c', 'malformed signature'],
    ['without a MAC', 'v1.a.', 'malformed signature'],
  ])('refuses a header %s', (_what, header, reason) => {
    expect(() => verifyInternalCall(header, body, secret, new NonceCache())).toThrow(refused(reason));
  });
});

describe('NonceCache', () => {
  it('forgets nonces once their signatures have expired, when it grows large', () => {
    const nonces = new NonceCache();
    for (let i = 0; i <= 10_000; i++) expect(nonces.remember(`n${i}`, 1_000, 0)).toBe(true);
    // Past their expiry, the next remember sweeps them: the first one is new again.
    expect(nonces.remember('fresh', 5_000, 2_000)).toBe(true);
    expect(nonces.remember('n0', 5_000, 2_000)).toBe(true);
    expect(nonces.remember('fresh', 5_000, 2_000)).toBe(false);
  });
});
