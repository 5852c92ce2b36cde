import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { GetParameterCommand, GetParametersByPathCommand, ParameterNotFound, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { createLogger } from '@bff/kit';
import { mockClient } from 'aws-sdk-client-mock';
import { parse, print } from 'graphql';

import { composeSupergraph } from '@bff/gateway/compose';
import { subgraphsHash } from '@bff/gateway/subgraphsHash';
import { SupergraphSource } from '@bff/gateway/supergraphSource';
import { LocalFileRegistry } from '@bff/gateway/localFileRegistry';
import { findRepoRoot } from '../lib/repoRoot';
import { SERVICES } from '../lib/services';
import { publishSupergraph } from '../lib/supergraph/publishSupergraph';
import { SSM_PARAMETER_LIMIT, supergraphParameterValue, withoutDescriptions } from '../lib/supergraph/supergraphParameter';

// The registry as the three subgraph stacks write it: deployed URLs, checked-in SDLs.
const repoRoot = findRepoRoot();
const subgraphs = SERVICES.map((service) => ({
  name: service.name,
  url: `https://${service.name}0123.execute-api.eu-west-1.amazonaws.com/graphql`,
  sdl: readFileSync(join(repoRoot, service.schemaFile), 'utf8'),
}));

describe('the supergraph composed at deploy time', () => {
  it('is the gateway\'s own composition, with the hash the gateway computes, in one SSM parameter', () => {
    const { value, bytes, fits } = supergraphParameterValue(subgraphs);
    const parsed = JSON.parse(value) as { supergraphSdl: string; subgraphsHash: string };
    // The same schema, less what a production gateway never shows (descriptions) and what parsing ignores.
    expect(print(parse(parsed.supergraphSdl))).toBe(withoutDescriptions(composeSupergraph(subgraphs)));
    expect(parsed.subgraphsHash).toBe(subgraphsHash(subgraphs));
    expect(bytes).toBe(Buffer.byteLength(value));
    // With them, the three services' supergraph (9.5 KB) would not fit; without, there is room to grow.
    expect(Buffer.byteLength(JSON.stringify({ supergraphSdl: composeSupergraph(subgraphs) }))).toBeGreaterThan(SSM_PARAMETER_LIMIT);
    expect(bytes).toBeLessThan(SSM_PARAMETER_LIMIT * 0.7);
    expect(fits).toBe(true);
  });

  it('is served by a gateway that reads it from its registry, with no composition at cold start', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bff-supergraph-'));
    try {
      const file = join(dir, 'registry.json');
      await writeFile(file, JSON.stringify({ subgraphs, supergraph: JSON.parse(supergraphParameterValue(subgraphs).value) as unknown }));
      const source = new SupergraphSource({
        registry: new LocalFileRegistry(file),
        logger: createLogger('gateway-test'),
        compose: () => {
          throw new Error('composed at cold start');
        },
      });
      const supergraph = await source.current();
      expect(supergraph).toMatchObject({ origin: 'registry', composeMs: 0, hash: subgraphsHash(subgraphs) });
      expect(supergraph.subgraphs.map((subgraph) => subgraph.name).sort()).toEqual(['articles', 'comments', 'users']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the deploy step that writes it (npm run deploy, after the stacks)', () => {
  const client = new SSMClient({ region: 'eu-west-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  const ssm = mockClient(client);
  const registry = (entries: object[]) =>
    ssm.on(GetParametersByPathCommand).resolves({
      Parameters: entries.map((entry) => ({ Name: `/bff/dev/subgraphs/${(entry as { name: string }).name}`, Type: 'String', Value: JSON.stringify(entry) })),
    });

  beforeEach(() => {
    ssm.reset();
    ssm.on(GetParameterCommand).rejects(new ParameterNotFound({ message: 'not found', $metadata: {} }));
  });

  it('composes the registry\'s subgraphs and writes /<app>/<stage>/supergraph', async () => {
    registry(subgraphs);
    const expected = supergraphParameterValue(subgraphs);
    expect(await publishSupergraph(client, '/bff/dev/subgraphs/')).toEqual({ status: 'written', parameter: '/bff/dev/supergraph', bytes: expected.bytes });
    expect(ssm.commandCalls(GetParametersByPathCommand)[0]!.args[0].input).toMatchObject({ Path: '/bff/dev/subgraphs', Recursive: true });
    const put = ssm.commandCalls(PutParameterCommand);
    expect(put).toHaveLength(1);
    expect(put[0]!.args[0].input).toMatchObject({ Name: '/bff/dev/supergraph', Value: expected.value, Type: 'String', Overwrite: true });
  });

  it('leaves a parameter that already holds it alone', async () => {
    registry(subgraphs);
    ssm.on(GetParameterCommand).resolves({ Parameter: { Name: '/bff/dev/supergraph', Value: supergraphParameterValue(subgraphs).value } });
    expect((await publishSupergraph(client, '/bff/dev/subgraphs/')).status).toBe('unchanged');
    expect(ssm.commandCalls(PutParameterCommand)).toHaveLength(0);
  });

  it('writes nothing when a subgraph has no SDL in the registry (the gateway introspects it) or the supergraph is too large', async () => {
    registry([subgraphs[0]!, { name: 'reviews', url: 'https://reviews.example.com/graphql' }]);
    expect(await publishSupergraph(client, '/bff/dev/subgraphs/')).toEqual({ status: 'incomplete', parameter: '/bff/dev/supergraph', missingSdl: ['reviews'] });
    // Three hundred more fields push the schema past 8 KB.
    const fields = Array.from({ length: 300 }, (_, index) => `  extraField${index}: String`).join('\n');
    registry(subgraphs.map((subgraph, index) => (index === 0 ? { ...subgraph, sdl: `${subgraph.sdl}\nextend type Query {\n${fields}\n}\n` } : subgraph)));
    expect(await publishSupergraph(client, '/bff/dev/subgraphs/')).toMatchObject({ status: 'too-large' });
    expect(ssm.commandCalls(PutParameterCommand)).toHaveLength(0);
  });
});
