import { randomBytes } from 'node:crypto';

import { developerSecrets, developerSettings, serveTestLambda, signedHeaders } from '@bff/test-support';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { GraphQLError } from 'graphql';

import {
  type ApiGatewayHandler,
  type CallIdentity,
  createLogger,
  createSubgraphHandler,
  DEFAULT_SUBGRAPH_CLIENT_SETTINGS,
  IDEMPOTENCY_HEADER,
  idempotencyKeyOf,
  InternalSignatureError,
  NonceCache,
  type RequestContext,
  signInternalCall,
  SubgraphClient,
  SubgraphUnavailableError,
  verifyInternalCall,
} from '../src';
import type { LocalLambdaServer } from '../src/local';

const secret = randomBytes(32);
const body = JSON.stringify({ query: 'mutation { addNote }' });

/** The header with its claims edited and the MAC left as it was: what an attacker on the wire could do. */
function withClaims(header: string, edit: (claims: Record<string, unknown>) => void): string {
  const [version, payload, mac] = header.split('.');
  const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as Record<string, unknown>;
  edit(claims);
  return [version, Buffer.from(JSON.stringify(claims)).toString('base64url'), mac].join('.');
}

const eventWith = (headers: Record<string, string>) => ({ headers }) as unknown as APIGatewayProxyEventV2;

describe('the Idempotency-Key header, as the gateway reads it', () => {
  it('is absent when not sent', () => {
    expect(idempotencyKeyOf(eventWith({}))).toBeUndefined();
  });

  it.each([
    ['a UUID', '3f0c7a9e-5d55-4a47-9b44-0d6e1f0e8a11'],
    ['one character', 'a'],
    ['dots, colons and underscores', 'order:42.retry_1'],
    ['128 characters', 'x'.repeat(128)],
  ])('takes %s', (_what, key) => {
    expect(idempotencyKeyOf(eventWith({ [IDEMPOTENCY_HEADER]: key }))).toBe(key);
  });

  it.each([
    ['empty', ''],
    ['too long', 'x'.repeat(129)],
    ['with a space', 'two words'],
    ['sent twice (joined with a comma)', 'a,b'],
    ['not ASCII', 'clé'],
  ])('refuses a key that is %s with BAD_USER_INPUT and HTTP 400, naming the header', (_how, key) => {
    let thrown: unknown;
    try {
      idempotencyKeyOf(eventWith({ [IDEMPOTENCY_HEADER]: key }));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(GraphQLError);
    expect((thrown as GraphQLError).message).toMatch(/^The Idempotency-Key header must be 1 to 128 characters/);
    expect((thrown as GraphQLError).extensions).toEqual({ code: 'BAD_USER_INPUT', http: { status: 400 } });
  });
});

describe('the idempotency key in the internal signature (claim `idem`)', () => {
  it('is signed when given and handed back on verification', () => {
    const header = signInternalCall({ caller: { userId: 'u1' }, requestId: 'r1', idempotencyKey: 'k-1' }, body, secret);
    expect(verifyInternalCall(header, body, secret, new NonceCache())).toEqual({
      caller: { userId: 'u1' },
      requestId: 'r1',
      idempotencyKey: 'k-1',
    });
  });

  it('is left out when not given', () => {
    const call = verifyInternalCall(signInternalCall({ caller: null, requestId: 'r2' }, body, secret), body, secret, new NonceCache());
    expect('idempotencyKey' in call).toBe(false);
  });

  const setKey = (claims: Record<string, unknown>) => {
    claims.idem = 'k-2';
  };
  const removeKey = (claims: Record<string, unknown>) => {
    delete claims.idem;
  };

  it.each([
    ['changed', 'k-1', setKey],
    ['added', undefined, setKey],
    ['removed', 'k-1', removeKey],
  ])('refuses a header whose key was %s after signing', (_how, idempotencyKey, edit) => {
    const header = signInternalCall({ caller: null, requestId: 'r3', ...(idempotencyKey ? { idempotencyKey } : {}) }, body, secret);
    const tampered = withClaims(header, edit);
    expect(tampered).not.toBe(header);
    expect(() => verifyInternalCall(tampered, body, secret, new NonceCache())).toThrow(new InternalSignatureError('bad signature'));
  });
});

describe('a subgraph learns the key from the signature only, and the subgraph client signs it into mutations', () => {
  let server: LocalLambdaServer;
  let url: string;
  /** The key each request's resolvers saw, in order. */
  const seen: (string | null)[] = [];
  /** Requests to answer 503 after handling them, as a subgraph that did the work but failed on the way back. */
  let failAfterHandling = 0;

  beforeAll(async () => {
    const seeKey = (_: unknown, __: unknown, context: RequestContext) => {
      seen.push(context.idempotencyKey ?? null);
      return context.idempotencyKey ?? null;
    };
    const handler = createSubgraphHandler({
      name: 'keys',
      settings: developerSettings,
      secrets: developerSecrets,
      typeDefs: 'type Query { key: String } type Mutation { key: String }',
      resolvers: { Query: { key: seeKey }, Mutation: { key: seeKey } },
    });
    const failing: ApiGatewayHandler = async (event, context) => {
      const result = await handler(event, context);
      if (failAfterHandling > 0) {
        failAfterHandling--;
        return { statusCode: 503, body: 'Service Unavailable' };
      }
      return result;
    };
    server = await serveTestLambda(failing, 'keys-test-graphql');
    url = `${server.origin}/graphql`;
  });
  afterAll(() => server.close());
  beforeEach(() => {
    seen.length = 0;
    failAfterHandling = 0;
  });

  async function post(query: string, idempotencyKey: string | undefined, headers: Record<string, string> = {}): Promise<unknown> {
    const text = JSON.stringify({ query });
    const signed = await signedHeaders(text, { secrets: developerSecrets, ...(idempotencyKey ? { idempotencyKey } : {}) });
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...signed, ...headers }, body: text });
    return response.json();
  }

  it('puts the signed key into the request context', async () => {
    expect(await post('mutation { key }', 'signed-key')).toEqual({ data: { key: 'signed-key' } });
  });

  it('never reads an Idempotency-Key header of its own request', async () => {
    expect(await post('mutation { key }', undefined, { [IDEMPOTENCY_HEADER]: 'raw-header' })).toEqual({ data: { key: null } });
    expect(await post('mutation { key }', 'signed-key', { [IDEMPOTENCY_HEADER]: 'raw-header' })).toEqual({ data: { key: 'signed-key' } });
  });

  const client = () =>
    new SubgraphClient({
      subgraph: 'keys',
      settings: { ...DEFAULT_SUBGRAPH_CLIENT_SETTINGS, backoffMs: 5, timeoutMs: 2_000 },
      logger: createLogger('keys-test'),
      iamSigning: false,
      secrets: developerSecrets,
    });
  const identity = (idempotencyKey?: string): CallIdentity => ({
    caller: null,
    requestId: 'r',
    correlationId: 'c',
    ...(idempotencyKey ? { idempotencyKey } : {}),
  });

  it('signs the key into a mutation call and leaves it out of a query call', async () => {
    const keys = client();
    const mutation = await keys.request({ url, body: JSON.stringify({ query: 'mutation { key }' }), kind: 'mutation', identity: identity('k-7') });
    const query = await keys.request({ url, body: JSON.stringify({ query: '{ key }' }), kind: 'query', identity: identity('k-7') });
    expect(JSON.parse(mutation.text)).toEqual({ data: { key: 'k-7' } });
    expect(JSON.parse(query.text)).toEqual({ data: { key: null } });
  });

  it('retries a mutation with a key after the subgraph did the work but answered 503, signing each attempt afresh', async () => {
    failAfterHandling = 1;
    const answer = await client().request({ url, body: JSON.stringify({ query: 'mutation { key }' }), kind: 'mutation', identity: identity('k-8') });
    expect(JSON.parse(answer.text)).toEqual({ data: { key: 'k-8' } });
    // Both attempts reached the resolver: the subgraph's idempotency makes the second one a replay.
    expect(seen).toEqual(['k-8', 'k-8']);
  });

  it('never retries a mutation without a key: the one attempt may have been applied', async () => {
    failAfterHandling = 1;
    const call = client().request({ url, body: JSON.stringify({ query: 'mutation { key }' }), kind: 'mutation', identity: identity() });
    await expect(call).rejects.toBeInstanceOf(SubgraphUnavailableError);
    await expect(call).rejects.toMatchObject({ sent: true });
    expect(seen).toEqual([null]);
  });
});
