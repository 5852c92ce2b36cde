import { GetParameterCommand, GetParametersByPathCommand, ParameterNotFound, SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';

import { registryAt } from '../../src/registry/registryAt';
import { defaultSupergraphParameter, SsmRegistry } from '../../src/registry/ssmRegistry';
import { RegistryError } from '../../src/registry/subgraphRegistry';
import { LocalFileRegistry } from '../../src/registry/localFileRegistry';

const client = new SSMClient({ region: 'eu-west-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
const ssm = mockClient(client);

const entry = (name: string, extra: Record<string, unknown> = {}) => ({
  Name: `/bff/dev/subgraphs/${name}`,
  Type: 'String' as const,
  Value: JSON.stringify({ name, url: `https://${name}.example.com/graphql`, ...extra }),
});
const notFound = () => new ParameterNotFound({ message: 'not found', $metadata: {} });

describe('SsmRegistry', () => {
  beforeEach(() => {
    ssm.reset();
    ssm.on(GetParameterCommand).rejects(notFound());
  });

  it('reads every parameter under the prefix, page after page, recursively and decrypted', async () => {
    ssm
      .on(GetParametersByPathCommand, { NextToken: undefined })
      .resolves({ Parameters: [entry('users'), entry('articles', { sdl: 'type Query { a: Int }' })], NextToken: 'page-2' })
      .on(GetParametersByPathCommand, { NextToken: 'page-2' })
      .resolves({ Parameters: [entry('comments')], NextToken: 'page-3' })
      .on(GetParametersByPathCommand, { NextToken: 'page-3' })
      .resolves({ Parameters: [{ ...entry('team-a/reviews'), Value: JSON.stringify({ name: 'reviews', url: 'https://r.example.com/graphql' }) }] });

    const registry = new SsmRegistry('/bff/dev/subgraphs/', { client });
    expect(registry.source).toBe('ssm:/bff/dev/subgraphs/');
    expect(await registry.read()).toEqual({
      subgraphs: [
        { name: 'articles', url: 'https://articles.example.com/graphql', sdl: 'type Query { a: Int }' },
        { name: 'comments', url: 'https://comments.example.com/graphql' },
        { name: 'reviews', url: 'https://r.example.com/graphql' },
        { name: 'users', url: 'https://users.example.com/graphql' },
      ],
    });
    const pages = ssm.commandCalls(GetParametersByPathCommand).map((call) => call.args[0].input);
    // Three pages, all read (the paginator reuses one input object, so each call shows its last NextToken).
    expect(pages).toHaveLength(3);
    for (const page of pages) expect(page).toMatchObject({ Path: '/bff/dev/subgraphs', Recursive: true, WithDecryption: true });
    expect(ssm.commandCalls(GetParameterCommand)[0]?.args[0].input).toEqual({ Name: '/bff/dev/supergraph', WithDecryption: true });
  });

  it('reuses a read for maxAge seconds: the polls within it make no SSM call', async () => {
    ssm.on(GetParametersByPathCommand).resolves({ Parameters: [entry('users')] });
    const registry = new SsmRegistry('/bff/dev/subgraphs', { client, maxAgeSeconds: 60 });
    expect(await registry.list()).toEqual(await registry.list());
    expect(ssm.commandCalls(GetParametersByPathCommand)).toHaveLength(1);
    // Another registry (a new Lambda instance) reads afresh.
    await new SsmRegistry('/bff/dev/subgraphs', { client }).list();
    expect(ssm.commandCalls(GetParametersByPathCommand)).toHaveLength(2);
  });

  it('reads a supergraph composed elsewhere from /<app>/<stage>/supergraph', async () => {
    ssm.on(GetParametersByPathCommand).resolves({ Parameters: [entry('users')] });
    ssm
      .on(GetParameterCommand, { Name: '/bff/dev/supergraph' })
      .resolves({ Parameter: { Name: '/bff/dev/supergraph', Value: JSON.stringify({ supergraphSdl: 'schema { query: Query }', subgraphsHash: 'abc' }) } });
    expect((await new SsmRegistry('/bff/dev/subgraphs', { client }).read()).supergraph).toEqual({
      supergraphSdl: 'schema { query: Query }',
      subgraphsHash: 'abc',
    });
  });

  it('can be told where the supergraph is, or not to look for one', async () => {
    ssm.on(GetParametersByPathCommand).resolves({
      Parameters: [entry('users'), { Name: '/bff/dev/subgraphs/_supergraph', Value: JSON.stringify({ supergraphSdl: 'x' }) }],
    });
    ssm.on(GetParameterCommand, { Name: '/bff/dev/subgraphs/_supergraph' }).resolves({
      Parameter: { Name: '/bff/dev/subgraphs/_supergraph', Value: JSON.stringify({ supergraphSdl: 'x' }) },
    });
    const inside = await new SsmRegistry('/bff/dev/subgraphs', { client, supergraphParameter: '/bff/dev/subgraphs/_supergraph' }).read();
    // The supergraph parameter is not mistaken for a subgraph when it sits under the prefix.
    expect(inside).toEqual({ subgraphs: [{ name: 'users', url: 'https://users.example.com/graphql' }], supergraph: { supergraphSdl: 'x' } });

    ssm.resetHistory();
    ssm.on(GetParametersByPathCommand).resolves({ Parameters: [entry('users')] });
    expect(await new SsmRegistry('/bff/dev/subgraphs', { client, supergraphParameter: null }).list()).toHaveLength(1);
    expect(ssm.commandCalls(GetParameterCommand)).toHaveLength(0);
  });

  it.each([
    [{ ...entry('users'), Value: '{"name": "users",' }, /ssm:\/bff\/dev\/subgraphs\/users: the value is not valid JSON/],
    [{ ...entry('users'), Value: undefined }, /ssm:\/bff\/dev\/subgraphs\/users: the value is not valid JSON/],
    [{ ...entry('users'), Value: JSON.stringify({ url: 'https://u/graphql' }) }, /ssm:\/bff\/dev\/subgraphs\/users\.name must be a name/],
    [{ ...entry('users'), Value: JSON.stringify({ name: 'users', url: 'file:///etc/passwd' }) }, /ssm:\/bff\/dev\/subgraphs\/users: subgraph "users" needs an http\(s\) url/],
    [{ ...entry('users'), Value: JSON.stringify({ name: 'users', url: 'https://u/graphql', sdl: 1 }) }, /ssm:\/bff\/dev\/subgraphs\/users: .*sdl that is not a string/],
  ])('names the parameter whose value is wrong: %j', async (parameter, message) => {
    ssm.on(GetParametersByPathCommand).resolves({ Parameters: [entry('articles'), parameter] });
    const read = new SsmRegistry('/bff/dev/subgraphs', { client }).read();
    await expect(read).rejects.toThrow(RegistryError);
    await expect(read).rejects.toThrow(message);
  });

  it('refuses two parameters that claim one subgraph name', async () => {
    ssm.on(GetParametersByPathCommand).resolves({ Parameters: [entry('users'), { ...entry('users'), Name: '/bff/dev/subgraphs/old/users' }] });
    await expect(new SsmRegistry('/bff/dev/subgraphs', { client }).list()).rejects.toThrow(/subgraph "users" is listed twice/);
  });

  it('names the parameter holding a bad supergraph', async () => {
    ssm.on(GetParametersByPathCommand).resolves({ Parameters: [entry('users')] });
    ssm.on(GetParameterCommand).resolves({ Parameter: { Name: '/bff/dev/supergraph', Value: JSON.stringify({ sdl: 'x' }) } });
    await expect(new SsmRegistry('/bff/dev/subgraphs', { client }).read()).rejects.toThrow(
      /ssm:\/bff\/dev\/supergraph: expected \{"supergraphSdl","subgraphsHash"\?\}/,
    );
  });

  it('turns AWS errors into RegistryErrors that name the path', async () => {
    const denied = Object.assign(new Error('User is not authorized to perform ssm:GetParametersByPath'), { name: 'AccessDeniedException' });
    ssm.on(GetParametersByPathCommand).rejects(denied);
    const read = new SsmRegistry('/bff/dev/subgraphs', { client }).read();
    await expect(read).rejects.toThrow(RegistryError);
    await expect(read).rejects.toThrow('ssm:/bff/dev/subgraphs/: cannot read the parameters (AccessDeniedException: User is not authorized');

    ssm.on(GetParametersByPathCommand).resolves({ Parameters: [] });
    ssm.on(GetParameterCommand).rejects(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }));
    await expect(new SsmRegistry('/bff/dev/subgraphs', { client }).read()).rejects.toThrow(
      'ssm:/bff/dev/supergraph: cannot read the supergraph parameter (ThrottlingException: Rate exceeded)',
    );
  });

  it('refuses a prefix that is not a parameter path', () => {
    expect(() => new SsmRegistry('bff/dev', { client })).toThrow(/must be a path like \/bff\/dev\/subgraphs\//);
    expect(() => new SsmRegistry('/', { client })).toThrow(RegistryError);
    expect(defaultSupergraphParameter('/bff/prod/subgraphs/')).toBe('/bff/prod/supergraph');
  });
});

describe('registryAt', () => {
  it('picks SSM when the settings name a prefix, else the file, else says what is missing', () => {
    const ssmRegistry = registryAt({ kind: 'ssm', prefix: '/bff/dev/subgraphs/' });
    expect(ssmRegistry).toBeInstanceOf(SsmRegistry);
    expect(ssmRegistry.source).toBe('ssm:/bff/dev/subgraphs/');
    const fileRegistry = registryAt({ kind: 'file', path: '/tmp/registry.json' });
    expect(fileRegistry).toBeInstanceOf(LocalFileRegistry);
    expect(fileRegistry.source).toBe('file:/tmp/registry.json');
    expect(() => registryAt(undefined)).toThrow(/Neither REGISTRY_SSM_PREFIX nor REGISTRY_FILE is set/);
  });
});
