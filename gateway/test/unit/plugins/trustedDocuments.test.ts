import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { temporaryDirectory } from '@bff/test-support';
import { parse, print } from 'graphql';

import { documentHash, trustedDocuments } from '../../../src/plugins/trustedDocuments';
import { apolloServerWith } from './apolloServerWith';

const REGISTERED = print(parse('query Planets { planets }'));

describe('trustedDocuments', () => {
  const dir = temporaryDirectory('bff-trusted-');
  let manifest: string;
  let server: Awaited<ReturnType<typeof apolloServerWith>>;

  beforeAll(async () => {
    manifest = join(dir(), 'trusted.json');
    await writeFile(manifest, JSON.stringify({ [documentHash(REGISTERED)]: REGISTERED }));
    server = await apolloServerWith(trustedDocuments({ file: manifest, enforce: true }), 'type Query { planets: [String!]! }', {
      Query: { planets: () => ['Mercury'] },
    });
  });
  afterAll(async () => {
    await server.stop();
  });

  const run = (request: Parameters<typeof server.run>[0]) => server.run(request);

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
    expect(() => trustedDocuments({ file: join(dir(), 'missing.json'), enforce: true })).toThrow(/ENOENT/);
    await writeFile(join(dir(), 'bad.json'), JSON.stringify({ abc: 42 }));
    expect(() => trustedDocuments({ file: join(dir(), 'bad.json'), enforce: true })).toThrow(/the entry abc is not a document/);
  });
});
