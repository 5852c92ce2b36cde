import { Agent, request } from 'node:http';
import { join } from 'node:path';

import { PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { temporaryDirectory } from '@bff/test-support';

import { type ApiGatewayHandler, createDocumentClient, type TableDefinition } from '../src';
import { ensureTable, type LocalLambdaServer, serveLambda, startLocalStore } from '../src/local';

interface Answer {
  status: number;
  connection: string | undefined;
  body: string;
}

/** A POST on its own connection unless an agent is given; rejects on a refused or cut connection. */
function post(server: LocalLambdaServer, agent: Agent | false = false): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, method: 'POST', path: '/graphql', agent }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end('{}');
  });
}

/** A handler that holds every request until `release()`, and says how many it holds. */
function heldHandler() {
  let held = 0;
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const waiters: (() => void)[] = [];
  const handler: ApiGatewayHandler = async () => {
    held++;
    for (const waiter of waiters.splice(0)) waiter();
    await gate;
    return { statusCode: 200, body: 'done' };
  };
  const holding = async (count: number) => {
    while (held < count) await new Promise<void>((resolve) => waiters.push(resolve));
  };
  return { handler, holding, release: () => release() };
}

const settled = <T>(promise: Promise<T>) => promise.then(() => 'resolved', () => 'rejected');

describe('serveLambda: graceful close', () => {
  it('refuses new connections, lets the requests in flight finish with 200, then resolves', async () => {
    const { handler, holding, release } = heldHandler();
    const server = await serveLambda(handler, { name: 'slow' });
    const inFlight = [post(server), post(server), post(server)];
    await holding(3);

    let closed = false;
    const closing = server.close().then(() => (closed = true));
    await expect(post(server)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    expect(closed).toBe(false);

    release();
    const answers = await Promise.all(inFlight);
    expect(answers.map((answer) => [answer.status, answer.body])).toEqual([
      [200, 'done'],
      [200, 'done'],
      [200, 'done'],
    ]);
    await closing;
    expect(closed).toBe(true);
  });

  it('closes a kept-alive connection after its response rather than waiting for another request', async () => {
    const { handler, holding, release } = heldHandler();
    const server = await serveLambda(handler, { name: 'kept-alive' });
    const agent = new Agent({ keepAlive: true, maxSockets: 2 });
    const inFlight = post(server, agent);
    await holding(1);
    const closing = server.close();
    release();
    // The answer tells the client not to send another request on this connection, and the server ends it.
    expect(await inFlight).toMatchObject({ status: 200, connection: 'close' });
    await closing;
    agent.destroy();
  });

  it('cuts what is still running once the grace is over', async () => {
    const { handler, holding, release } = heldHandler();
    const server = await serveLambda(handler, { name: 'stuck', shutdownGraceMs: 60_000 });
    const stuck = post(server);
    await holding(1);
    // close(graceMs) overrides the server's grace: 0 cuts at once, as a crash would.
    await server.close(0);
    await expect(stuck).rejects.toMatchObject({ code: 'ECONNRESET' });
    release();
  });

  it('closes once, however often it is asked', async () => {
    const server = await serveLambda(() => Promise.resolve({ statusCode: 204 }), { name: 'twice' });
    expect(await Promise.all([settled(server.close()), settled(server.close())])).toEqual(['resolved', 'resolved']);
  });
});

/**
 * A PutItem sent by hand, its body in two halves: between them the request is
 * surely in flight. `finish` sends the rest; `status` is the store's answer.
 */
function putInTwoHalves(endpoint: string, pk: string) {
  const body = JSON.stringify({ TableName: 'things', Item: { pk: { S: pk } } });
  const req = request(`${endpoint}/`, {
    method: 'POST',
    agent: false,
    headers: {
      'content-type': 'application/x-amz-json-1.0',
      'content-length': Buffer.byteLength(body),
      'x-amz-target': 'DynamoDB_20120810.PutItem',
      'x-amz-date': '20240101T000000Z',
      // dynalite reads the signature's form, not its value.
      authorization: 'AWS4-HMAC-SHA256 Credential=local/20240101/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=0',
    },
  });
  const status = new Promise<number>((resolve, reject) => {
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
  });
  const half = Math.floor(body.length / 2);
  req.write(body.slice(0, half));
  return { finish: () => req.end(body.slice(half)), status };
}

describe('local store: graceful close', () => {
  const definition: TableDefinition = { partitionKey: { name: 'pk', type: 'S' } };
  const dir = temporaryDirectory('bff-store-close-');

  it('finishes a write in flight before it closes the database, and loses no acknowledged write', async () => {
    const path = join(dir(), 'db');
    const store = await startLocalStore({ path });
    const client = createDocumentClient(store.endpoint);
    await ensureTable(client, 'things', definition);
    const unhandled: unknown[] = [];
    const onUnhandled = (error: unknown) => unhandled.push(error);
    process.on('unhandledRejection', onUnhandled);

    const halfSent = putInTwoHalves(store.endpoint, 'in-flight');
    const writes = Array.from({ length: 60 }, (_, i) =>
      client.send(new PutCommand({ TableName: 'things', Item: { pk: `item-${i}` } })).then(
        () => ({ ok: true as const, i }),
        (error: Error) => ({ ok: false as const, i, message: error.message }),
      ),
    );
    // Stop once the first is done (the half-sent one has long arrived), while the others are on their way:
    // some in flight, some finding the door shut.
    await Promise.race(writes);
    const closing = store.close();
    halfSent.finish();
    expect(await halfSent.status).toBe(200);
    await closing;
    const outcomes = await Promise.all(writes);
    client.destroy();
    process.off('unhandledRejection', onUnhandled);

    // A write is either done or was never taken (a refused or reset connection): none failed inside the store.
    for (const outcome of outcomes) if (!outcome.ok) expect(outcome.message).toMatch(/ECONNREFUSED|ECONNRESET/);
    expect(unhandled).toEqual([]);

    const reopened = await startLocalStore({ path });
    const reader = createDocumentClient(reopened.endpoint);
    const { Items = [] } = await reader.send(new ScanCommand({ TableName: 'things' }));
    reader.destroy();
    await reopened.close();
    const acknowledged = ['in-flight', ...outcomes.filter((outcome) => outcome.ok).map((outcome) => `item-${outcome.i}`)];
    expect(Items.map((item) => item.pk as string).sort()).toEqual(acknowledged.sort());
  });
});
