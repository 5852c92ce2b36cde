import { DEFAULT_SUBGRAPH_CLIENT_SETTINGS } from '@bff/kit/client';
import { EnvError, readRuntimeSettings } from '@bff/kit/core';

import { DEFAULT_GATEWAY_SETTINGS, envSuffix, readGatewaySettings } from '../../src/settings';

describe('readGatewaySettings', () => {
  it('gives a developer gateway for an empty environment', () => {
    expect(readGatewaySettings({})).toEqual({
      runtime: readRuntimeSettings({}),
      engine: 'stitch',
      maxBodyBytes: 102_400,
      maxDepth: 12,
      maxAliases: 15,
      maxRootFields: 10,
      maxQueryCost: 10_000,
      corsOrigins: [],
      enforceTrustedDocuments: false,
      ide: true,
      admission: { concurrency: 32, queue: 1_000, queueTimeoutMs: 10_000 },
      pollIntervalMs: 30_000,
      upstream: DEFAULT_SUBGRAPH_CLIENT_SETTINGS,
      upstreamBySubgraph: {},
    });
    expect(DEFAULT_GATEWAY_SETTINGS).toEqual(readGatewaySettings({}));
  });

  it("reads each variable by its name, an empty one as unset, the kit's with the gateway's", () => {
    const settings = readGatewaySettings({
      GATEWAY_ENGINE: 'apollo',
      MAX_BODY_BYTES: '2048',
      MAX_QUERY_DEPTH: '',
      CORS_ORIGINS: ' http://a.example , ,http://b.example',
      REGISTRY_POLL_SECONDS: '0',
      SUPERGRAPH_CACHE_DIR: '/tmp/bff',
      MAX_CONCURRENT_REQUESTS: '2',
      UPSTREAM_SIGV4: 'true',
      BREAKER_FAILURE_PERCENT: '25',
      REGISTRY_FILE: '/tmp/registry.json',
    });
    expect(settings).toMatchObject({
      engine: 'apollo',
      maxBodyBytes: 2048,
      maxDepth: 12,
      corsOrigins: ['http://a.example', 'http://b.example'],
      pollIntervalMs: 0,
      cacheDir: '/tmp/bff',
      admission: { concurrency: 2 },
      runtime: { iamSigning: true },
      upstream: { breakerThreshold: 0.25 },
      registry: { kind: 'file', path: '/tmp/registry.json' },
    });
  });

  it('takes the SSM registry over the file, and neither when neither is set', () => {
    expect(readGatewaySettings({ REGISTRY_FILE: '/tmp/r.json', REGISTRY_SSM_PREFIX: '/bff/dev/subgraphs/' }).registry).toEqual({
      kind: 'ssm',
      prefix: '/bff/dev/subgraphs/',
    });
    expect(readGatewaySettings({}).registry).toBeUndefined();
  });

  it('turns the IDE off and trusted documents on in production, unless told otherwise', () => {
    expect(readGatewaySettings({ NODE_ENV: 'production', TRUSTED_DOCUMENTS_FILE: '/m.json' })).toMatchObject({
      runtime: { development: false },
      ide: false,
      trustedDocumentsFile: '/m.json',
      enforceTrustedDocuments: true,
    });
    expect(readGatewaySettings({ NODE_ENV: 'production' }).enforceTrustedDocuments).toBe(false);
    expect(readGatewaySettings({ NODE_ENV: 'production', GRAPHQL_IDE: 'true', TRUSTED_DOCUMENTS_FILE: '/m.json', TRUSTED_DOCUMENTS_ONLY: 'false' })).toMatchObject({
      ide: true,
      enforceTrustedDocuments: false,
    });
    expect(readGatewaySettings({ GRAPHQL_IDE: 'false', TRUSTED_DOCUMENTS_ONLY: 'true' })).toMatchObject({ ide: false, enforceTrustedDocuments: true });
  });

  it('reads per-subgraph call settings over the ones for all subgraphs', () => {
    const settings = readGatewaySettings({ UPSTREAM_TIMEOUT_MS: '900', UPSTREAM_QUEUE_MOONS: '4', UPSTREAM_TIMEOUT_MS_DARK_MOONS: '5000' });
    expect(settings.upstream.timeoutMs).toBe(900);
    expect(settings.upstreamBySubgraph).toEqual({
      MOONS: { ...DEFAULT_SUBGRAPH_CLIENT_SETTINGS, timeoutMs: 900, queue: 4 },
      DARK_MOONS: { ...DEFAULT_SUBGRAPH_CLIENT_SETTINGS, timeoutMs: 5000 },
    });
    expect(envSuffix('dark-moons')).toBe('DARK_MOONS');
  });

  it('names every wrong variable at once', () => {
    const read = () =>
      readGatewaySettings({ GATEWAY_ENGINE: 'mesh', REGISTRY_POLL_SECONDS: '-5', BREAKER_FAILURE_PERCENT: '100', GRAPHQL_IDE: 'yes', UPSTREAM_RETRIES_USERS: 'two' });
    expect(read).toThrow(EnvError);
    let problems: readonly string[] = [];
    try {
      read();
    } catch (error) {
      problems = (error as EnvError).problems;
    }
    expect(problems.map((problem) => problem.split(':')[0])).toEqual(['GATEWAY_ENGINE', 'REGISTRY_POLL_SECONDS', 'GRAPHQL_IDE', 'BREAKER_FAILURE_PERCENT']);
    // The per-subgraph overrides are read once the shared ones are right.
    expect(() => readGatewaySettings({ UPSTREAM_RETRIES_USERS: 'two' })).toThrow(/UPSTREAM_RETRIES_USERS: .*\(got "two"\)/);
  });
});
