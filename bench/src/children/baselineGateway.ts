// The baseline: a stock @apollo/gateway (IntrospectAndCompose) on @apollo/server's
// standalone server, calling the same subgraphs. The one addition is the
// internal signature our subgraphs require of every caller, added in the fetcher
// so that it covers the exact body sent. Both the whole-system figures and the
// gateway-only scenario use it, each on its own subgraphs (BENCH_SUBGRAPHS).
import { randomUUID } from 'node:crypto';

import { ApolloGateway, IntrospectAndCompose, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { type Secrets, signInternalHeaders } from '@bff/kit/core';
import { fetch } from 'undici';

import { childSettings } from './childSettings';
import { answerProfileRequests } from './cpuProfiler';
import type { GatewayReady } from './protocol';

type Fetcher = NonNullable<ConstructorParameters<typeof RemoteGraphQLDataSource>[0]>['fetcher'];

/** undici's fetch, each call signed with `secrets` as our gateway signs it. */
const signedFetch = (secrets: Secrets) =>
  (async (url: string, init: { body?: string; headers?: Record<string, string> } = {}) => {
    const body = init.body ?? '';
    const signed = await signInternalHeaders(body, null, randomUUID(), secrets);
    return fetch(url, { ...init, body, headers: { ...init.headers, ...signed } });
  }) as unknown as Fetcher;

async function main(): Promise<void> {
  const { subgraphs, secrets } = childSettings(process.env);
  const fetcher = signedFetch(secrets);
  const gateway = new ApolloGateway({
    supergraphSdl: new IntrospectAndCompose({ subgraphs }),
    buildService: ({ url }) => new RemoteGraphQLDataSource({ url, fetcher }),
  });
  const server = new ApolloServer({ gateway });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  answerProfileRequests();
  const ready: GatewayReady = { type: 'ready', url: new URL('/graphql', url).toString() };
  process.send?.(ready);
  process.on('disconnect', () => process.exit(0));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
