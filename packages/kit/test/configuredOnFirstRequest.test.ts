import { serveTestLambda } from '@bff/test-support';
import { z } from 'zod';

import { type ApiGatewayHandler, configuredOnFirstRequest, envVar, parseEnv } from '../src/subgraph';
import { type LocalLambdaServer, postGraphQL } from '../src/local';

const echo: ApiGatewayHandler = () => Promise.resolve({ statusCode: 200, headers: { 'content-type': 'application/json' }, body: '{"data":{"ok":true}}' });

describe('configuredOnFirstRequest: a Lambda entry that reads its environment once, on its first request', () => {
  let server: LocalLambdaServer | undefined;
  afterEach(() => server?.close());

  it('answers SERVICE_MISCONFIGURED while a setting does not parse, and builds the handler once when it does', async () => {
    const env: Record<string, string> = { LIMIT: 'lots' };
    let built = 0;
    const handler = configuredOnFirstRequest('limited', () => {
      parseEnv(z.object({ LIMIT: envVar.int(1, 1) }), env);
      built++;
      return echo;
    });
    server = await serveTestLambda(handler, 'limited');
    const url = `${server.origin}/graphql`;
    const refused = await postGraphQL(url, '{ ok }');
    expect(refused.status).toBe(503);
    expect(refused.body.errors?.[0]?.extensions).toEqual({ code: 'SERVICE_MISCONFIGURED' });

    env.LIMIT = '5';
    expect((await postGraphQL(url, '{ ok }')).body).toEqual({ data: { ok: true } });
    expect((await postGraphQL(url, '{ ok }')).body).toEqual({ data: { ok: true } });
    expect(built).toBe(1);
  });
});
