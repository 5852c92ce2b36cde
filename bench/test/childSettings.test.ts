// What the bench's child processes read from the environment the bench gives them.
import { EnvError } from '@bff/kit/core';

import { childSettings } from '../src/children/childSettings';

it('gives the bench defaults for an empty environment', () => {
  const settings = childSettings({});
  expect(settings.subgraphs).toEqual([]);
  expect(settings.dataSizes).toEqual({ users: 20, articles: 150, comments: 300 });
  expect(settings.runtime.development).toBe(true);
});

it('reads the subgraphs, the data sizes and the keys the bench sets', async () => {
  const key = 'k'.repeat(64);
  const settings = childSettings({
    NODE_ENV: 'production',
    INTERNAL_SIGNING_SECRET: key,
    JWT_SECRET: key,
    CURSOR_SECRET: key,
    SHUTDOWN_GRACE_MS: '250',
    BENCH_SUBGRAPHS: JSON.stringify([{ name: 'products', url: 'http://127.0.0.1:4001/graphql' }]),
    BENCH_DATA_SIZES: '{"users":2,"articles":3,"comments":4}',
  });
  expect(settings.subgraphs).toEqual([{ name: 'products', url: 'http://127.0.0.1:4001/graphql' }]);
  expect(settings.dataSizes).toEqual({ users: 2, articles: 3, comments: 4 });
  expect(settings.shutdownGraceMs).toBe(250);
  expect(settings.runtime.development).toBe(false);
  expect(Buffer.from((await settings.secrets.authSecrets()).internalSigningSecret).toString()).toBe(key);
});

it('names each variable that is not the JSON it should be', () => {
  const read = () => childSettings({ BENCH_SUBGRAPHS: '[{"name":"products"}]', BENCH_DATA_SIZES: 'twenty' });
  expect(read).toThrow(EnvError);
  expect(read).toThrow(/BENCH_SUBGRAPHS\.0\.url/);
  expect(read).toThrow(/BENCH_DATA_SIZES: must be JSON \(got "twenty"\)/);
});
