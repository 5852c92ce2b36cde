import { serveTestLambda } from '@bff/test-support';

import { type ApiGatewayHandler, type Env, failClosed, readRuntimeSettings, Secrets } from '../src';
import { type LocalLambdaServer, postGraphQL } from '../src/local';

const echo: ApiGatewayHandler = () => Promise.resolve({ statusCode: 200, headers: { 'content-type': 'application/json' }, body: '{"data":{"ok":true}}' });

/** The error lines a Powertools logger writes while `run` runs. */
async function errorLines(run: () => Promise<void>): Promise<{ level: string; message: string }[]> {
  const lines: string[] = [];
  const write = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(chunk.toString());
    return true;
  });
  try {
    await run();
  } finally {
    write.mockRestore();
  }
  return lines
    .join('')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { level: string; message: string });
}

/** What a Lambda's entry would pass failClosed for this environment. */
function requiredFrom(env: Env) {
  const settings = readRuntimeSettings(env);
  const secrets = new Secrets(settings.secrets);
  return { env, development: settings.development, authSecrets: () => secrets.authSecrets(), cursorSecret: () => secrets.cursorSecret() };
}

describe('failClosed', () => {
  const saved = { ...process.env };
  const servers: LocalLambdaServer[] = [];
  const serve = async (handler: ApiGatewayHandler) => {
    const server = await serveTestLambda(handler, 'guarded');
    servers.push(server);
    return `${server.origin}/graphql`;
  };
  beforeEach(() => {
    // The Powertools logger's own setting: the error lines are what these tests read.
    process.env = { ...saved, POWERTOOLS_LOG_LEVEL: 'ERROR' };
  });
  afterEach(async () => {
    process.env = { ...saved };
    for (const server of servers.splice(0)) await server.close();
  });

  it('answers SERVICE_MISCONFIGURED (503) in production while a setting or secret is missing, and logs it once', async () => {
    const { env, development, authSecrets, cursorSecret } = requiredFrom({ NODE_ENV: 'production' });
    const url = await serve(failClosed('things', { productionEnv: { development, env, names: ['THINGS_TABLE', ['A_URL', 'A_FILE']] }, secrets: [authSecrets, cursorSecret] }, echo));
    let answers: Awaited<ReturnType<typeof postGraphQL>>[] = [];
    const logged = await errorLines(async () => {
      answers = [await postGraphQL(url, '{ ok }'), await postGraphQL(url, '{ ok }')];
    });
    for (const answer of answers) {
      expect(answer.status).toBe(503);
      expect(answer.body.errors).toEqual([
        { message: 'The things service is misconfigured and cannot answer; its log says what is missing.', extensions: { code: 'SERVICE_MISCONFIGURED' } },
      ]);
    }
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ level: 'ERROR' });
    expect(logged[0]!.message).toBe(
      'The things service is misconfigured: THINGS_TABLE must be set in production; A_URL or A_FILE must be set in production; ' +
        'JWT_SECRET and INTERNAL_SIGNING_SECRET must be set in production (or AUTH_SECRET_ARN, a Secrets Manager secret holding them); ' +
        'CURSOR_SECRET must be set in production (or AUTH_SECRET_ARN, a Secrets Manager secret holding them)',
    );
  });

  it('names a secret that is too short, in any environment, and answers once it is put right', async () => {
    // The secret as a rotation or a fix would change it: the next read gets the new one.
    let current = requiredFrom({ JWT_SECRET: 'short', INTERNAL_SIGNING_SECRET: 'i'.repeat(32) });
    const url = await serve(failClosed('things', { productionEnv: { development: true, env: current.env, names: ['THINGS_TABLE'] }, secrets: [() => current.authSecrets()] }, echo));
    const logged = await errorLines(async () => {
      expect((await postGraphQL(url, '{ ok }')).body.errors?.[0]?.extensions?.code).toBe('SERVICE_MISCONFIGURED');
    });
    expect(logged.map((line) => line.message)).toEqual(['The things service is misconfigured: JWT_SECRET must be at least 32 bytes long']);
    current = requiredFrom({ JWT_SECRET: 'j'.repeat(32), INTERNAL_SIGNING_SECRET: 'i'.repeat(32) });
    expect(await postGraphQL(url, '{ ok }')).toMatchObject({ status: 200, body: { data: { ok: true } } });
  });

  it('names a setting its validation refuses', async () => {
    const validate = () => {
      throw new Error('GATEWAY_ENGINE must be one of stitch, apollo, got "fast"');
    };
    const url = await serve(failClosed('things', { validate }, echo));
    const logged = await errorLines(async () => {
      expect((await postGraphQL(url, '{ ok }')).status).toBe(503);
    });
    expect(logged.map((line) => line.message)).toEqual(['The things service is misconfigured: GATEWAY_ENGINE must be one of stitch, apollo, got "fast"']);
  });

  it('keeps the developer defaults outside production: no table name or secret needed', async () => {
    const { env, development, authSecrets, cursorSecret } = requiredFrom({});
    const url = await serve(failClosed('things', { productionEnv: { development, env, names: ['THINGS_TABLE'] }, secrets: [authSecrets, cursorSecret] }, echo));
    const logged = await errorLines(async () => {
      expect(await postGraphQL(url, '{ ok }')).toMatchObject({ status: 200, body: { data: { ok: true } } });
    });
    expect(logged).toEqual([]);
  });
});
