import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { dockerRunArgs } from '../lib/codeCache/runInLambdaImage';
import { subgraphWarmUpOperation } from '../lib/codeCache/warmUpTarget';
import { findRepoRoot } from '../lib/repoRoot';
import { SERVICES } from '../lib/services';

describe('the warm-up request that a subgraph bundle answers at build time, for its code cache', () => {
  it('asks for _service and one resolvable entity of each type with its key, as a gateway would', () => {
    const sdl = /* GraphQL */ `
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
      type Review @key(fields: "id") @key(fields: "sku") { id: ID! sku: String! }
      type Pair @key(fields: "shop sku") { shop: ID! sku: ID! }
      type Stub @key(fields: "id", resolvable: false) { id: ID! }
      type Nested @key(fields: "owner { id }") { owner: Stub! }
      type Query { review(id: ID!): Review }
    `;
    expect(subgraphWarmUpOperation(sdl)).toEqual({
      query: 'query WarmUp($representations: [_Any!]!) { _service { sdl } _entities(representations: $representations) { __typename } }',
      variables: {
        representations: [
          { __typename: 'Review', id: 'warm-up' },
          { __typename: 'Pair', shop: 'warm-up', sku: 'warm-up' },
        ],
      },
    });
  });

  it('covers every entity of the three services', () => {
    const repoRoot = findRepoRoot();
    const types = SERVICES.map((service) =>
      subgraphWarmUpOperation(readFileSync(join(repoRoot, service.schemaFile), 'utf8')).variables.representations.map((r) => r.__typename),
    );
    expect(types).toEqual([['User'], ['Article', 'User'], ['Comment', 'Article', 'User']]);
  });
});

describe('the cache made for Lambda, in its runtime image', () => {
  it('runs the asset on arm64 with the function\'s memory size (the runtime derives its V8 flags from it) and a writable /var/task', () => {
    const args = dockerRunArgs(
      { image: 'public.ecr.aws/lambda/nodejs:24-arm64', assetDir: '/work/cdk.out/asset.1', memorySize: 1024, environment: { NODE_ENV: 'production' }, event: () => ({}) },
      'bff-code-cache-1',
    );
    expect(args.slice(0, 6)).toEqual(['run', '--detach', '--name', 'bff-code-cache-1', '--platform', 'linux/arm64']);
    expect(args.join(' ')).toContain('--pull always');
    expect(args.join(' ')).toContain('--volume /work/cdk.out/asset.1:/var/task');
    expect(args.join(' ')).toContain('-e NODE_ENV=production -e AWS_LAMBDA_FUNCTION_MEMORY_SIZE=1024');
    expect(args.slice(-2)).toEqual(['public.ecr.aws/lambda/nodejs:24-arm64', 'loader.handler']);
  });
});
