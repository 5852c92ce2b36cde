import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { temporaryDirectory } from '@bff/test-support';

import { LocalFileRegistry } from '../../src/registry/localFileRegistry';
import { parseRegistrySnapshot, readRegistry, RegistryError } from '../../src/registry/subgraphRegistry';

describe('registry documents', () => {
  it('reads names, urls and optional SDL', () => {
    expect(
      parseRegistrySnapshot(
        { subgraphs: [{ name: 'users', url: 'http://127.0.0.1:1/graphql' }, { name: 'b', url: 'https://x.test/g', sdl: 'type Query { a: Int }' }] },
        'test',
      ).subgraphs,
    ).toEqual([
      { name: 'users', url: 'http://127.0.0.1:1/graphql' },
      { name: 'b', url: 'https://x.test/g', sdl: 'type Query { a: Int }' },
    ]);
  });

  it.each([
    [{}, 'expected {"subgraphs"'],
    [{ subgraphs: [{ url: 'http://a/graphql' }] }, 'subgraphs[0].name'],
    [{ subgraphs: [{ name: 'a', url: 'ftp://a' }] }, 'subgraph "a" needs an http(s) url'],
    [{ subgraphs: [{ name: 'a', url: 'not a url' }] }, 'subgraph "a" needs an http(s) url'],
    [{ subgraphs: [{ name: 'a', url: 'http://a' }, { name: 'a', url: 'http://b' }] }, 'subgraph "a" is listed twice'],
    [{ subgraphs: [{ name: 'a', url: 'http://a', sdl: 42 }] }, 'sdl that is not a string'],
  ])('refuses %j with a message that says what is wrong', (document, message) => {
    expect(() => parseRegistrySnapshot(document, 'test')).toThrow(RegistryError);
    expect(() => parseRegistrySnapshot(document, 'test')).toThrow(message);
  });
});

describe('a supergraph composed elsewhere, held by the registry', () => {
  const subgraphs = [{ name: 'a', url: 'http://127.0.0.1:1/graphql' }];

  it('is read with or without the hash of the subgraphs it was composed from', () => {
    expect(parseRegistrySnapshot({ subgraphs, supergraph: { supergraphSdl: 'schema { query: Query }', subgraphsHash: 'h' } }, 'test')).toEqual({
      subgraphs,
      supergraph: { supergraphSdl: 'schema { query: Query }', subgraphsHash: 'h' },
    });
    expect(parseRegistrySnapshot({ subgraphs }, 'test')).toEqual({ subgraphs });
  });

  it.each([
    [{ supergraphSdl: '' }, 'test: supergraph: expected {"supergraphSdl","subgraphsHash"?} with a non-empty supergraphSdl'],
    ['type Query { a: Int }', 'test: supergraph: expected {"supergraphSdl"'],
    [{ supergraphSdl: 'x', subgraphsHash: 1 }, 'test: supergraph: subgraphsHash must be a string'],
  ])('refuses %j', (supergraph, message) => {
    expect(() => parseRegistrySnapshot({ subgraphs, supergraph }, 'test')).toThrow(message);
  });

  it('is absent for a registry that only lists subgraphs', async () => {
    expect(await readRegistry({ source: 'inline', list: () => Promise.resolve(subgraphs) })).toEqual({ subgraphs });
  });
});

describe('LocalFileRegistry', () => {
  const dir = temporaryDirectory('bff-registry-');

  it('reads the file on every call, so edits are picked up', async () => {
    const file = join(dir(), 'registry.json');
    const registry = new LocalFileRegistry(file);
    await writeFile(file, JSON.stringify({ subgraphs: [{ name: 'a', url: 'http://127.0.0.1:1/graphql' }] }));
    expect(await registry.list()).toHaveLength(1);
    await writeFile(file, JSON.stringify({ subgraphs: [] }));
    expect(await registry.list()).toEqual([]);
  });

  it('names the file when it is missing or not JSON', async () => {
    await expect(new LocalFileRegistry(join(dir(), 'absent.json')).list()).rejects.toThrow(/absent\.json: cannot read the registry file/);
    const broken = join(dir(), 'broken.json');
    await writeFile(broken, '{ "subgraphs": [');
    await expect(new LocalFileRegistry(broken).list()).rejects.toThrow(/broken\.json: not valid JSON/);
  });
});
