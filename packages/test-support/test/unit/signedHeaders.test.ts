import { INTERNAL_HEADER, InternalSignatureError, NonceCache, Secrets, SIGNATURE_MAX_AGE_MS, verifyInternalCall } from '@bff/kit';

import { developerSecrets } from '../../src/developerKeys';
import { signedHeaders } from '../../src/signedHeaders';

const body = JSON.stringify({ query: '{ me { id } }' });

/** What a subgraph holding `secrets` reads from the headers, as its signature check does. */
async function verified(headers: Record<string, string>, secrets: Secrets = developerSecrets) {
  const { internalSigningSecret } = await secrets.authSecrets();
  return verifyInternalCall(headers[INTERNAL_HEADER], body, internalSigningSecret, new NonceCache());
}

describe('signedHeaders', () => {
  it('signs an anonymous call with a developer’s keys by default', async () => {
    expect(await verified(await signedHeaders(body))).toEqual({ caller: null, requestId: 'test-request' });
  });

  it('signs what the gateway would: caller, request id, source IP and idempotency key', async () => {
    const call = { caller: { userId: 'u1' }, requestId: 'r1', sourceIp: '198.51.100.4', idempotencyKey: 'k-1' };
    expect(await verified(await signedHeaders(body, call))).toEqual(call);
  });

  it('signs with the keys given, which a subgraph on other keys refuses', async () => {
    const other = new Secrets({ development: false, values: { jwtSecret: 'j'.repeat(32), internalSigningSecret: 'o'.repeat(32) } });
    const headers = await signedHeaders(body, { secrets: other });
    expect(await verified(headers, other)).toEqual({ caller: null, requestId: 'test-request' });
    await expect(verified(headers)).rejects.toThrow(InternalSignatureError);
  });

  it('makes a stale signature when told it was signed long ago', async () => {
    await expect(verified(await signedHeaders(body, { signedAt: Date.now() - 2 * SIGNATURE_MAX_AGE_MS }))).rejects.toThrow(InternalSignatureError);
  });
});
