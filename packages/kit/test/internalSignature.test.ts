import { randomBytes } from 'node:crypto';

import { developerSecrets, developerSettings, serveTestLambda, signedHeaders } from '@bff/test-support';

import {
  createSubgraphHandler,
  InternalSignatureError,
  NonceCache,
  signInternalCall,
  verifyInternalCall,
} from '../src';
import type { LocalLambdaServer } from '../src/local';

const secret = randomBytes(32);
const body = JSON.stringify({ query: '{ sourceIp }' });

/** The header with its claims replaced, the MAC left as it was: what an attacker on the wire could do. */
function withClaims(header: string, edit: (claims: Record<string, unknown>) => void): string {
  const [version, payload, mac] = header.split('.');
  const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as Record<string, unknown>;
  edit(claims);
  return [version, Buffer.from(JSON.stringify(claims)).toString('base64url'), mac].join('.');
}

const setIp = (claims: Record<string, unknown>) => {
  claims.ip = '203.0.113.99';
};
const removeIp = (claims: Record<string, unknown>) => {
  delete claims.ip;
};

describe('the internal signature carries the client’s source IP', () => {
  it('signs the address when given and hands it back on verification', () => {
    const header = signInternalCall({ caller: { userId: 'u1' }, requestId: 'r1', sourceIp: '198.51.100.4' }, body, secret);
    expect(verifyInternalCall(header, body, secret, new NonceCache())).toEqual({
      caller: { userId: 'u1' },
      requestId: 'r1',
      sourceIp: '198.51.100.4',
    });
  });

  it('leaves it out when the signer does not know it (a service calling another)', () => {
    const header = signInternalCall({ caller: null, requestId: 'r2' }, body, secret);
    const call = verifyInternalCall(header, body, secret, new NonceCache());
    expect(call).toEqual({ caller: null, requestId: 'r2' });
    expect('sourceIp' in call).toBe(false);
  });

  it.each([
    ['changed', '198.51.100.4', setIp],
    ['added', undefined, setIp],
    ['removed', '198.51.100.4', removeIp],
  ])('refuses a header whose address was %s after signing', (_how, sourceIp, edit) => {
    const header = signInternalCall({ caller: null, requestId: 'r3', ...(sourceIp ? { sourceIp } : {}) }, body, secret);
    const tampered = withClaims(header, edit);
    expect(tampered).not.toBe(header);
    expect(() => verifyInternalCall(tampered, body, secret, new NonceCache())).toThrow(new InternalSignatureError('bad signature'));
  });
});

describe('a subgraph’s request context: sourceIp', () => {
  let server: LocalLambdaServer;
  let url: string;

  beforeAll(async () => {
    const handler = createSubgraphHandler({
      name: 'where',
      settings: developerSettings,
      secrets: developerSecrets,
      typeDefs: 'type Query { sourceIp: String! }',
      resolvers: { Query: { sourceIp: (_: unknown, __: unknown, context: { sourceIp: string }) => context.sourceIp } },
    });
    server = await serveTestLambda(handler, 'where-test-graphql');
    url = `${server.origin}/graphql`;
  });
  afterAll(() => server.close());

  async function askSourceIp(sourceIp?: string): Promise<unknown> {
    const signed = await signedHeaders(body, { secrets: developerSecrets, ...(sourceIp ? { sourceIp } : {}) });
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...signed }, body });
    return response.json();
  }

  it('is the address the gateway signed, not the direct caller’s', async () => {
    expect(await askSourceIp('2001:db8::7')).toEqual({ data: { sourceIp: '2001:db8::7' } });
  });

  it('is the direct caller’s address when the signature carries none', async () => {
    expect(await askSourceIp()).toEqual({ data: { sourceIp: '127.0.0.1' } });
  });
});
