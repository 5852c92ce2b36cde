import { GraphQLError } from 'graphql';

import { developerSecrets, developerSettings, postSignedGraphQL, serveTestLambda, signedHeaders } from '@bff/test-support';

import { createSubgraphHandler, NotFoundError } from '../src';
import type { LocalLambdaServer } from '../src/local';

const typeDefs = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Thing @key(fields: "id") {
    id: ID!
    name: String!
  }
  type Query {
    thing(id: ID!): Thing
    broken: String
    missing: String
    coded: String
    requestInfo: String
  }
`;

describe('createSubgraphHandler: a federation subgraph behind API Gateway', () => {
  let server: LocalLambdaServer;
  let url: string;

  beforeAll(async () => {
    const handler = createSubgraphHandler({
      name: 'things',
      settings: developerSettings,
      secrets: developerSecrets,
      typeDefs,
      resolvers: {
        Query: {
          thing: (_: unknown, { id }: { id: string }) => ({ id, name: `thing ${id}` }),
          broken: () => {
            throw new Error('connection string postgres://secret@db leaked');
          },
          missing: () => {
            throw new NotFoundError('There is no such thing.');
          },
          coded: () => {
            throw new GraphQLError('Try again later.', { extensions: { code: 'RATE_LIMITED' } });
          },
          requestInfo: (_: unknown, __: unknown, context: { correlationId: string }) => context.correlationId,
        },
        Thing: {
          __resolveReference: ({ id }: { id: string }) => ({ id, name: `thing ${id}` }),
        },
      },
    });
    server = await serveTestLambda(handler, 'things-test-graphql');
    url = `${server.origin}/graphql`;
  });
  afterAll(() => server.close());

  it('answers queries, its SDL and entity lookups', async () => {
    expect((await postSignedGraphQL(url, '{ thing(id: "1") { id name } }')).body).toEqual({
      data: { thing: { id: '1', name: 'thing 1' } },
    });
    const sdl = await postSignedGraphQL<{ _service: { sdl: string } }>(url, '{ _service { sdl } }');
    expect(sdl.body.data?._service.sdl).toMatch(/type Thing\s+@key\(fields: "id"\)/);
    const entities = await postSignedGraphQL(
      url,
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Thing { name } } }',
      { r: [{ __typename: 'Thing', id: '7' }] },
    );
    expect(entities.body).toEqual({ data: { _entities: [{ name: 'thing 7' }] } });
  });

  it('masks unexpected errors, with a request id to find the log line', async () => {
    const result = await postSignedGraphQL(url, '{ broken }');
    expect(result.status).toBe(200);
    expect(result.body.data).toEqual({ broken: null });
    const [error] = result.body.errors ?? [];
    expect(error?.message).toBe('Internal server error.');
    expect(error?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(error?.extensions?.requestId).toBe(result.headers.get('x-request-id'));
    expect(JSON.stringify(result.body)).not.toMatch(/postgres|stacktrace|at /);
  });

  it('gives domain errors their code and keeps deliberate GraphQL error codes', async () => {
    const missing = await postSignedGraphQL(url, '{ missing }');
    expect(missing.body.errors).toEqual([
      { message: 'There is no such thing.', locations: [{ line: 1, column: 3 }], path: ['missing'], extensions: { code: 'NOT_FOUND' } },
    ]);
    const coded = await postSignedGraphQL(url, '{ coded }');
    expect(coded.body.errors?.[0]?.extensions).toEqual({ code: 'RATE_LIMITED' });
  });

  it('takes a caller-supplied correlation id, and makes one otherwise', async () => {
    const body = JSON.stringify({ query: '{ requestInfo }' });
    const call = async (correlationId: string) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-correlation-id': correlationId, ...(await signedHeaders(body)) },
        body,
      });
      return { headers: response.headers, body: (await response.json()) as { data: { requestInfo: string } } };
    };
    const given = await call('trace-123');
    expect(given.body.data).toEqual({ requestInfo: 'trace-123' });
    const made = await call('spaces and {braces} are refused');
    expect(made.body.data.requestInfo).toBe(made.headers.get('x-request-id'));
  });

  it('answers bad requests with a GraphQL error and a 4xx status, never a crash', async () => {
    const malformedBody = '{"query": ';
    const malformed = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await signedHeaders(malformedBody)) },
      body: malformedBody,
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({
      errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }],
    });

    const unknownField = await postSignedGraphQL(url, '{ nope }');
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');

    const wrongMethod = await fetch(url, { method: 'PUT', headers: { 'content-type': 'application/json', ...(await signedHeaders('{}')) }, body: '{}' });
    expect(wrongMethod.status).toBe(405);
    expect(((await wrongMethod.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe('BAD_REQUEST');

    const noQuery = await postSignedGraphQL(url, '');
    expect(noQuery.status).toBe(400);
    expect(noQuery.body.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');

    // Still serving after all of that.
    expect((await postSignedGraphQL(url, '{ thing(id: "2") { id } }')).body.data).toEqual({ thing: { id: '2' } });
  });
});
