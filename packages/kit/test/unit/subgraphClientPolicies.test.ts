import { randomBytes } from 'node:crypto';

import { MockAgent } from 'undici';

import {
  type CallIdentity,
  createLogger,
  DEFAULT_SUBGRAPH_CLIENT_SETTINGS,
  INTERNAL_HEADER,
  NonceCache,
  type OperationKind,
  SubgraphClient,
  type SubgraphClientSettings,
  SubgraphError,
  verifyInternalCall,
} from '../../src';

const ORIGIN = 'http://planets.test';
const URL = `${ORIGIN}/graphql`;
const KEY = randomBytes(32);
const secrets = { authSecrets: () => Promise.resolve({ jwtSecret: KEY, internalSigningSecret: KEY }) };

/** The scenario: what the subgraph answers, in turn (the last answer repeats), and the headers of each call it got. */
function subgraph(...statuses: number[]) {
  const agent = new MockAgent();
  agent.disableNetConnect();
  const calls: Record<string, string>[] = [];
  agent
    .get(ORIGIN)
    .intercept({ path: '/graphql', method: 'POST' })
    .reply((request) => {
      calls.push(request.headers as Record<string, string>);
      const statusCode = statuses[Math.min(calls.length, statuses.length) - 1]!;
      return { statusCode, data: statusCode === 200 ? '{"data":{"ok":true}}' : 'Service Unavailable' };
    })
    .persist();
  return { agent, calls };
}

function clientFor(agent: MockAgent, settings: Partial<SubgraphClientSettings> = {}): SubgraphClient {
  return new SubgraphClient({
    subgraph: 'planets',
    settings: { ...DEFAULT_SUBGRAPH_CLIENT_SETTINGS, backoffMs: 1, ...settings },
    logger: createLogger('client-test'),
    iamSigning: false,
    dispatcher: agent,
    secrets,
  });
}

const identity = (idempotencyKey?: string): CallIdentity => ({ caller: null, requestId: 'r', correlationId: 'c', ...(idempotencyKey ? { idempotencyKey } : {}) });
const send = (client: SubgraphClient, kind: OperationKind, idempotencyKey?: string) =>
  client.request({ url: URL, body: `{"query":"${kind} { ok }"}`, kind, identity: identity(idempotencyKey) });
const failureOf = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error as SubgraphError);

describe('the subgraph client: retries', () => {
  it('retries a query after a 503, up to `retries` more times, and says which service failed', async () => {
    const { agent, calls } = subgraph(503);
    const error = await failureOf(send(clientFor(agent, { retries: 2 }), 'query'));
    expect(calls).toHaveLength(3);
    expect(error).toBeInstanceOf(SubgraphError);
    expect(error).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'planets' });
  });

  it('answers with the first attempt that succeeds', async () => {
    const { agent, calls } = subgraph(503, 503, 200);
    const answer = await send(clientFor(agent, { retries: 2 }), 'query');
    expect(answer).toMatchObject({ status: 200, text: '{"data":{"ok":true}}' });
    expect(calls).toHaveLength(3);
  });

  it('never sends a mutation without an idempotency key twice: after a 503 it may have been applied', async () => {
    const { agent, calls } = subgraph(503);
    const error = await failureOf(send(clientFor(agent, { retries: 2 }), 'mutation'));
    expect(calls).toHaveLength(1);
    expect(error?.outcome()).toBe('unknown');
  });

  it('retries a mutation with a key like a query, signing each attempt afresh so that none is a replay', async () => {
    const { agent, calls } = subgraph(503, 200);
    await send(clientFor(agent, { retries: 2 }), 'mutation', 'k-1');
    expect(calls).toHaveLength(2);
    const nonces = new NonceCache();
    for (const headers of calls) {
      expect(verifyInternalCall(headers[INTERNAL_HEADER], '{"query":"mutation { ok }"}', KEY, nonces)).toMatchObject({ idempotencyKey: 'k-1' });
    }
  });
});

describe('the subgraph client: circuit breaker', () => {
  // Opens when half the calls in the window failed, once it holds at least breakerMinCalls.
  const breaker = { retries: 0, breakerThreshold: 0.5, breakerMinCalls: 4, breakerWindowMs: 60_000, breakerResetMs: 60_000 };

  it('opens after enough failed calls, and then fails calls without sending them', async () => {
    const { agent, calls } = subgraph(503);
    const client = clientFor(agent, breaker);
    for (let i = 0; i < 4; i++) await failureOf(send(client, 'query'));
    expect(calls).toHaveLength(4);
    const error = await failureOf(send(client, 'mutation'));
    expect(calls).toHaveLength(4);
    expect(error).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', sent: false });
    // Never sent, so a mutation refused by the open circuit was certainly not applied.
    expect(error?.outcome()).toBe('not_applied');
  });

  it('stays closed while failures are fewer than the minimum of calls', async () => {
    const { agent, calls } = subgraph(503, 503, 503, 200);
    const client = clientFor(agent, breaker);
    for (let i = 0; i < 3; i++) await failureOf(send(client, 'query'));
    expect(await send(client, 'query')).toMatchObject({ status: 200 });
    expect(calls).toHaveLength(4);
  });

  it('counts only failures: answers below 500 (GraphQL errors included) keep it closed', async () => {
    const { agent, calls } = subgraph(400);
    const client = clientFor(agent, breaker);
    for (let i = 0; i < 6; i++) expect(await send(client, 'query')).toMatchObject({ status: 400 });
    expect(calls).toHaveLength(6);
  });
});
