import { randomBytes } from 'node:crypto';

import { MockAgent } from 'undici';

import { createLogger, DEFAULT_SUBGRAPH_CLIENT_SETTINGS, NoUsableAnswerError, rootFieldOf, SubgraphClient } from '../../src';

const ORIGIN = 'http://moons.test';
const KEY = randomBytes(32);
const secrets = { authSecrets: () => Promise.resolve({ jwtSecret: KEY, internalSigningSecret: KEY }) };

/** A client for a subgraph that answers `statusCode` and `data` to every call. */
function clientAnswering(statusCode: number, data: string): SubgraphClient {
  const agent = new MockAgent();
  agent.disableNetConnect();
  agent.get(ORIGIN).intercept({ path: '/graphql', method: 'POST' }).reply(statusCode, data).persist();
  return new SubgraphClient({
    subgraph: 'moons',
    settings: { ...DEFAULT_SUBGRAPH_CLIENT_SETTINGS, retries: 0 },
    logger: createLogger('root-field-test'),
    iamSigning: false,
    dispatcher: agent,
    secrets,
  });
}

const ask = (client: SubgraphClient) =>
  rootFieldOf(client, { url: `${ORIGIN}/graphql`, query: 'query { moon { id } }', variables: {}, kind: 'query', identity: { caller: null, requestId: 'r', correlationId: 'c' } });

describe("rootFieldOf: another service's answer to one operation", () => {
  it('gives the one root field, null included', async () => {
    expect(await ask(clientAnswering(200, '{"data":{"moon":{"id":"m1"}}}'))).toEqual({ id: 'm1' });
    expect(await ask(clientAnswering(200, '{"data":{"moon":null}}'))).toBeNull();
  });

  it.each([
    [503, 'Service Unavailable', /^did not answer \(/],
    [200, '<html>', /^answered something other than JSON$/],
    [200, '{"data":null,"errors":[{"message":"Nope.","extensions":{"code":"FORBIDDEN"}}]}', /^answered without data \(FORBIDDEN: Nope\.\)$/],
  ])('says why there is nothing to use (HTTP %i, %s)', async (status, body, reason) => {
    const failure = await ask(clientAnswering(status, body)).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(NoUsableAnswerError);
    expect((failure as Error).message).toMatch(reason);
  });
});
