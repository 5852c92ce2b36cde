import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ApolloServer } from '@apollo/server';
import { parse, print } from 'graphql';

import type { GatewayContext } from '../../src/gatewayContext';

import { documentHash, trustedDocuments } from '../../src/plugins/trustedDocuments';
import { requestContext } from './gatewayEvent';

const REGISTERED = print(parse('query Planets { planets }'));

describe('trustedDocuments', () => {
  let dir: string;
  let manifest: string;
  let server: ApolloServer<GatewayContext>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bff-trusted-'));
    manifest = join(dir, 'trusted.json');
    await writeFile(manifest, JSON.stringify({ [documentHash(REGISTERED)]: REGISTERED }));
    const { apollo } = trustedDocuments({ file: manifest, enforce: true });
    server = new ApolloServer<GatewayContext>({ typeDefs: 'type Query { planets: [String!]! }', resolvers: { Query: { planets: () => ['Mercury'] } }, plugins: apollo ? [apollo] : [] });
    await server.start();
  });
  afterAll(async () => {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const contextValue = requestContext();
  const run = async (request: Parameters<ApolloServer<GatewayContext>['executeOperation']>[0]) => {
    const { body, http } = await server.executeOperation(request, { contextValue });
    if (body.kind !== 'single') throw new Error('Expected a single result');
    return { status: http.status, result: body.singleResult };
  };

  it('accepts a registered operation in any layout, or by its hash alone', async () => {
    expect((await run({ query: 'query Planets {\n  planets\n}\n# sent by the frontend' })).result.data).toEqual({ planets: ['Mercury'] });
    const byHash = await run({ query: undefined, extensions: { persistedQuery: { version: 1, sha256Hash: documentHash(REGISTERED) } } });
    expect(byHash.result.data).toEqual({ planets: ['Mercury'] });
  });

  it('refuses any other operation with 403 OPERATION_NOT_TRUSTED, after parsing it and before running it', async () => {
    const other = await run({ query: '{ planets __typename }' });
    expect(other.status).toBe(403);
    expect(other.result.data).toBeUndefined();
    expect(other.result.errors?.[0]).toMatchObject({ message: 'Only registered operations are accepted here.', extensions: { code: 'OPERATION_NOT_TRUSTED' } });
  });

  it('does nothing unless enforced, and reads the manifest when the gateway is made', async () => {
    expect(trustedDocuments({ file: manifest, enforce: false }).apollo).toBeUndefined();
    expect(trustedDocuments({ file: undefined, enforce: true }).apollo).toBeUndefined();
    expect(() => trustedDocuments({ file: join(dir, 'missing.json'), enforce: true })).toThrow(/ENOENT/);
    await writeFile(join(dir, 'bad.json'), JSON.stringify({ abc: 42 }));
    expect(() => trustedDocuments({ file: join(dir, 'bad.json'), enforce: true })).toThrow(/the entry abc is not a document/);
  });
});
