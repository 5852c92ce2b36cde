import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { type ApiGatewayHandler, createSubgraphHandler, INTERNAL_HEADER } from '@bff/kit';
import { type LocalLambdaServer, postGraphQL } from '@bff/kit/local';
import { developerSecrets, developerSettings, FEDERATION_LINK, serveTestLambda, temporaryDirectory } from '@bff/test-support';

import { createGatewayHandler } from '../src/createGatewayHandler';
import { ENGINE_NAMES } from '../src/engines/engine';
import { LocalFileRegistry } from '../src/registry/localFileRegistry';
import { DEFAULT_GATEWAY_SETTINGS } from '../src/settings';


/** What reached the subgraph: each call's operation and the headers it carried. */
interface SeenCall {
  query: string;
  authorization: string | undefined;
  internal: string | undefined;
}

describe.each(ENGINE_NAMES)('calls to IAM-authorized subgraphs (UPSTREAM_SIGV4=true), %s engine', (engine) => {
  const saved = { ...process.env };
  const seen: SeenCall[] = [];
  const dir = temporaryDirectory('bff-sigv4-');
  let subgraph: LocalLambdaServer;
  let gateway: LocalLambdaServer;
  let failNext = 0;

  beforeAll(async () => {
    // The AWS SDK's credential chain reads these, as in Lambda.
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
    });
    const real = createSubgraphHandler({
      name: 'stars',
      settings: developerSettings,
      secrets: developerSecrets,
      typeDefs: `${FEDERATION_LINK} type Star @key(fields: "id") { id: ID! name: String! } type Query { stars: [Star!]! }`,
      resolvers: { Query: { stars: () => [{ id: 's1', name: 'Sirius' }] } },
    });
    const recording: ApiGatewayHandler = async (event, context) => {
      seen.push({
        query: (JSON.parse(event.body ?? '{}') as { query: string }).query,
        authorization: event.headers.authorization,
        internal: event.headers[INTERNAL_HEADER],
      });
      // The first attempt is handled (its signature checked and spent), then reported as a 503.
      const result = await real(event, context);
      if (failNext > 0) {
        failNext--;
        return { statusCode: 503, body: 'Service Unavailable' };
      }
      return result;
    };
    subgraph = await serveTestLambda(recording, 'stars');
    // No SDL in the registry: the gateway introspects the subgraph, through the same client.
    await writeFile(join(dir(), 'registry.json'), JSON.stringify({ subgraphs: [{ name: 'stars', url: `${subgraph.origin}/graphql` }] }));
    const handler = createGatewayHandler({
      registry: new LocalFileRegistry(join(dir(), 'registry.json')),
      settings: {
        engine,
        runtime: { ...DEFAULT_GATEWAY_SETTINGS.runtime, iamSigning: true, awsRegion: 'eu-west-1' },
        upstream: { ...DEFAULT_GATEWAY_SETTINGS.upstream, backoffMs: 1 },
      },
    });
    gateway = await serveTestLambda(handler, `gateway-${engine}`);
  });
  afterAll(async () => {
    process.env = saved;
    for (const server of [gateway, subgraph]) await server.close();
  });

  it('signs SDL introspection and every query attempt with SigV4 and a fresh internal signature', async () => {
    const url = `${gateway.origin}/graphql`;
    // The first request loads the supergraph: the subgraph is introspected.
    expect((await postGraphQL(url, '{ stars { id } }')).body).toEqual({ data: { stars: [{ id: 's1' }] } });
    const introspection = seen.filter((call) => call.query.includes('_service'));
    seen.length = 0;
    failNext = 1;
    expect((await postGraphQL(url, '{ stars { name } }')).body).toEqual({ data: { stars: [{ name: 'Sirius' }] } });
    const queries = seen.filter((call) => call.query.includes('stars'));
    expect(introspection.length).toBeGreaterThan(0);
    expect(queries).toHaveLength(2); // the attempt answered 503, and its retry
    for (const call of [...introspection, ...queries]) {
      expect(call.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/execute-api\/aws4_request, /);
      expect(call.internal).toMatch(/^v1\./);
    }
    // A retry is signed anew: the subgraph had spent the first signature's nonce, and would refuse it as a replay.
    expect(queries[0]!.internal).not.toBe(queries[1]!.internal);
    expect(queries[0]!.authorization).not.toBe(queries[1]!.authorization);
  });
});
