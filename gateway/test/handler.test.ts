import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { ApiGatewayHandler } from '@bff/kit/core';
import { type LocalLambdaServer, postGraphQL } from '@bff/kit/local';
import { serveTestLambda, temporaryDirectory } from '@bff/test-support';

// The Lambda entry reads the environment: this test is the one that sets it.
describe('the Lambda entry (handler.ts)', () => {
  const saved = { ...process.env };
  const dir = temporaryDirectory('bff-entry-');
  let server: LocalLambdaServer;
  const written: string[] = [];
  /** The messages of the JSON log lines written so far. */
  const logged = () =>
    written
      .join('')
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => (JSON.parse(line) as { message: string }).message)
      .join('\n');

  beforeAll(async () => {
    for (const name of ['REGISTRY_FILE', 'REGISTRY_SSM_PREFIX', 'JWT_SECRET', 'INTERNAL_SIGNING_SECRET', 'AUTH_SECRET_ARN']) delete process.env[name];
    Object.assign(process.env, { NODE_ENV: 'production', POWERTOOLS_LOG_LEVEL: 'ERROR' });
    let handler: ApiGatewayHandler | undefined;
    await jest.isolateModulesAsync(async () => {
      ({ handler } = await import('../src/handler'));
    });
    server = await serveTestLambda(handler!, 'gateway-entry');
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(chunk.toString());
      return true;
    });
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await server.close();
    process.env = { ...saved };
  });

  it('answers SERVICE_MISCONFIGURED while settings are missing, naming each in one log line, and takes them once they are right', async () => {
    const url = `${server.origin}/graphql`;
    const refused = await postGraphQL(url, '{ __typename }');
    expect(refused.status).toBe(503);
    expect(refused.body.errors?.[0]?.extensions).toEqual({ code: 'SERVICE_MISCONFIGURED' });
    expect(logged()).toMatch(
      /^The gateway service is misconfigured: JWT_SECRET and INTERNAL_SIGNING_SECRET must be set in production .*; Neither REGISTRY_SSM_PREFIX nor REGISTRY_FILE is set/,
    );

    process.env.GATEWAY_ENGINE = 'mesh';
    expect((await postGraphQL(url, '{ __typename }')).status).toBe(503);
    expect(logged()).toMatch(/GATEWAY_ENGINE: .*\(got "mesh"\)/);

    // Put right: the entry reads the environment afresh and gets as far as its registry (an empty one: not ready).
    await writeFile(join(dir(), 'registry.json'), JSON.stringify({ subgraphs: [] }));
    Object.assign(process.env, { GATEWAY_ENGINE: 'stitch', REGISTRY_FILE: join(dir(), 'registry.json'), JWT_SECRET: 'j'.repeat(40), INTERNAL_SIGNING_SECRET: 'i'.repeat(40) });
    const loading = await postGraphQL(url, '{ __typename }');
    expect(loading.status).toBe(503);
    expect(loading.body.errors?.[0]?.extensions).toEqual({ code: 'GATEWAY_NOT_READY' });
  });
});
