import { randomBytes } from 'node:crypto';

import { GraphQLError } from 'graphql';

import { createLogger, gatewaySignatureCheck, INTERNAL_HEADER, signInternalCall, UNSIGNED_CALL_MESSAGE } from '../../src';
import { graphqlPostEvent } from '../../src/local';

const KEY = randomBytes(32);
const secrets = { authSecrets: () => Promise.resolve({ jwtSecret: KEY, internalSigningSecret: KEY }) };
const body = JSON.stringify({ query: '{ me { id } }' });
const signed = (call: Parameters<typeof signInternalCall>[0], text = body) => ({ [INTERNAL_HEADER]: signInternalCall(call, text, KEY) });

describe('gatewaySignatureCheck: a subgraph’s identify step', () => {
  const check = () => gatewaySignatureCheck({ secrets, logger: createLogger('signature-test') });

  it('gives the caller, the address and the idempotency key the gateway signed', async () => {
    const event = graphqlPostEvent(body, signed({ caller: { userId: 'u1' }, requestId: 'r', sourceIp: '198.51.100.4', idempotencyKey: 'k' }));
    expect(await check()(event)).toEqual({ caller: { userId: 'u1' }, sourceIp: '198.51.100.4', idempotencyKey: 'k' });
  });

  it('takes the direct caller’s address when the signer knows none (a service calling another)', async () => {
    const event = graphqlPostEvent(body, signed({ caller: null, requestId: 'r' }));
    expect(await check()(event)).toEqual({ caller: null, sourceIp: event.requestContext.http.sourceIp });
  });

  it('checks the body as sent, base64 or not', async () => {
    const event = graphqlPostEvent(Buffer.from(body).toString('base64'), signed({ caller: null, requestId: 'r' }));
    expect(await check()({ ...event, isBase64Encoded: true })).toMatchObject({ caller: null });
  });

  it.each([
    ['no signature', {}],
    ['a signature for another body', signed({ caller: { userId: 'u1' }, requestId: 'r' }, '{ other }')],
    ['a signature under another key', { [INTERNAL_HEADER]: signInternalCall({ caller: null, requestId: 'r' }, body, randomBytes(32)) }],
  ])('refuses a call with %s: 401 UNAUTHENTICATED, before anything runs', async (_what, headers) => {
    const refusal = await check()(graphqlPostEvent(body, headers)).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(GraphQLError);
    expect(refusal).toMatchObject({ message: UNSIGNED_CALL_MESSAGE, extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
  });

  it('refuses a signature it has seen before', async () => {
    const identify = check();
    const headers = signed({ caller: null, requestId: 'r' });
    await identify(graphqlPostEvent(body, headers));
    await expect(identify(graphqlPostEvent(body, headers))).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });
});
