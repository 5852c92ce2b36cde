import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { serveTestLambda, signedHeaders } from '@bff/test-support';

import {
  BadUserInputError,
  createSubgraphHandler,
  documentClient,
  idempotencyTable,
  readRuntimeSettings,
  type RuntimeSettings,
  Secrets,
} from '../src';
import { type LocalLambdaServer, type LocalStore, startLocalStoreWithTables } from '../src/local';

const TABLE = 'notes-idempotency';

const typeDefs = /* GraphQL */ `
  type Note {
    id: ID!
    text: String!
    tags: [String!]!
    "Which run of the resolver made it."
    run: Int!
    "A field resolver, reading the mutation's result (stored and replayed as JSON)."
    label: String!
  }
  type Query {
    runs: Int!
  }
  type Mutation {
    addNote(text: String!, tags: [String!]): Note!
    pinNote(text: String!): Note!
    failsOnce(text: String!): Note!
    held(text: String!): Note!
    removeNote(id: ID!): Boolean!
  }
`;

interface Note {
  id: string;
  text: string;
  tags: string[];
  run: number;
}
type Answer = { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };

describe('idempotent mutations in a subgraph (Powertools idempotency on the local store)', () => {
  let store: LocalStore;
  let server: LocalLambdaServer;
  let url: string;
  let settings: RuntimeSettings;
  let secrets: Secrets;
  let runs = 0;
  let failNext = false;
  /** `held` waits for this gate: a mutation still running when its repeat arrives. */
  let openGate: () => void = () => undefined;
  let entered: () => void = () => undefined;

  const note = (text: string, tags: string[] = []): Note => {
    runs++;
    return { id: `note-${runs}`, text, tags, run: runs };
  };

  beforeAll(async () => {
    store = await startLocalStoreWithTables([{ tableName: TABLE, definition: idempotencyTable }]);
    settings = readRuntimeSettings({ DYNAMODB_ENDPOINT: store.endpoint });
    secrets = new Secrets(settings.secrets);
    const handler = createSubgraphHandler({
      name: 'notes',
      typeDefs,
      settings,
      secrets,
      idempotency: { tableName: TABLE },
      resolvers: {
        Query: { runs: () => runs },
        Mutation: {
          addNote: (_: unknown, { text, tags }: { text: string; tags?: string[] | null }) => note(text, tags ?? []),
          pinNote: (_: unknown, { text }: { text: string }) => note(text),
          failsOnce: (_: unknown, { text }: { text: string }) => {
            if (failNext) {
              failNext = false;
              throw new BadUserInputError('Not this time.');
            }
            return note(text);
          },
          held: async (_: unknown, { text }: { text: string }) => {
            entered();
            await new Promise<void>((resolve) => (openGate = resolve));
            return note(text);
          },
          removeNote: () => {
            runs++;
            return true;
          },
        },
        Note: { label: ({ text, run }: Note) => `${text} (run ${run})` },
      },
    });
    server = await serveTestLambda(handler, 'notes-test-graphql');
    url = `${server.origin}/graphql`;
  });
  afterAll(async () => {
    await server.close();
    await store.close();
  });
  beforeEach(() => {
    failNext = false;
  });

  /** Posts as the gateway would: signed, for `userId` (anonymous when null), with the key in the signature. */
  async function post(query: string, idempotencyKey?: string, userId: string | null = 'u1'): Promise<Answer> {
    const body = JSON.stringify({ query });
    const signed = await signedHeaders(body, { secrets, caller: userId ? { userId } : null, ...(idempotencyKey ? { idempotencyKey } : {}) });
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...signed }, body });
    return (await response.json()) as Answer;
  }
  const ADD = (text: string) => `mutation { addNote(text: "${text}") { id text tags run label } }`;

  it('runs a mutation without a key every time, as before', async () => {
    const first = await post(ADD('plain'));
    const second = await post(ADD('plain'));
    expect(first.data?.addNote).not.toEqual(second.data?.addNote);
  });

  it('answers a repeat of a key with the first result, without running the mutation again; field resolvers work on it', async () => {
    const first = await post(ADD('once'), 'key-once');
    const before = runs;
    const again = await post(ADD('once'), 'key-once');
    expect(first.errors).toBeUndefined();
    expect(again).toEqual(first);
    expect(runs).toBe(before);
    expect((first.data?.addNote as { label: string }).label).toMatch(/^once \(run \d+\)$/);
  });

  it('takes the arguments in any order for the same arguments', async () => {
    const first = await post('mutation { addNote(text: "ordered", tags: ["a", "b"]) { id run } }', 'key-order');
    const again = await post('mutation { addNote(tags: ["a", "b"], text: "ordered") { id run } }', 'key-order');
    expect(again).toEqual(first);
  });

  it('refuses the key with other arguments: BAD_USER_INPUT naming the reuse, and nothing runs', async () => {
    await post(ADD('original'), 'key-reused');
    const before = runs;
    const other = await post(ADD('something else'), 'key-reused');
    expect(other.data).toBeNull();
    expect(other.errors).toEqual([
      expect.objectContaining({
        message: 'This Idempotency-Key was already used for a request with other arguments: send a new key for a new request.',
        extensions: { code: 'BAD_USER_INPUT' },
      }),
    ]);
    expect(runs).toBe(before);
  });

  it('keeps one key of two callers, or of two mutations, or of two aliased calls apart', async () => {
    const mine = await post(ADD('shared'), 'key-shared', 'u1');
    const theirs = await post(ADD('shared'), 'key-shared', 'u2');
    const anonymous = await post(ADD('shared'), 'key-shared', null);
    const pinned = await post('mutation { pinNote(text: "shared") { id } }', 'key-shared', 'u1');
    const ids = [mine, theirs, anonymous].map((answer) => (answer.data?.addNote as Note).id);
    expect(new Set([...ids, (pinned.data?.pinNote as Note).id]).size).toBe(4);
    const aliased = await post('mutation { a: addNote(text: "twin") { id } b: addNote(text: "twin") { id } }', 'key-aliases');
    expect(aliased.data?.a).not.toEqual(aliased.data?.b);
    // And a repeat of the whole operation replays both.
    expect(await post('mutation { a: addNote(text: "twin") { id } b: addNote(text: "twin") { id } }', 'key-aliases')).toEqual(aliased);
  });

  it('keeps no record of a mutation that failed: the retry runs it', async () => {
    failNext = true;
    const failed = await post('mutation { failsOnce(text: "retry me") { id } }', 'key-fails');
    expect(failed.errors?.[0]).toMatchObject({ message: 'Not this time.', extensions: { code: 'BAD_USER_INPUT' } });
    const retried = await post('mutation { failsOnce(text: "retry me") { id } }', 'key-fails');
    expect(retried.errors).toBeUndefined();
    expect((retried.data?.failsOnce as { id: string }).id).toMatch(/^note-\d+$/);
  });

  it('answers a repeat that arrives while the first still runs with REQUEST_IN_PROGRESS (retryable), then with the result', async () => {
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const first = post('mutation { held(text: "slow") { id } }', 'key-held');
    await inside;
    const during = await post('mutation { held(text: "slow") { id } }', 'key-held');
    expect(during.data).toBeNull();
    expect(during.errors).toEqual([
      expect.objectContaining({
        message: 'A request with this Idempotency-Key is still running: send it again, with the same key, in a moment.',
        extensions: { code: 'REQUEST_IN_PROGRESS', retryable: true },
      }),
    ]);
    openGate();
    const done = await first;
    expect((done.data?.held as { id: string }).id).toMatch(/^note-\d+$/);
    expect(await post('mutation { held(text: "slow") { id } }', 'key-held')).toEqual(done);
  });

  it('replays a plain value (a Boolean) too', async () => {
    const first = await post('mutation { removeNote(id: "n1") }', 'key-remove');
    const before = runs;
    expect(first).toEqual({ data: { removeNote: true } });
    expect(await post('mutation { removeNote(id: "n1") }', 'key-remove')).toEqual(first);
    expect(runs).toBe(before);
  });

  it('stores records in the Powertools layout: `id`, a status, `expiration` 24 h ahead for the TTL, and no argument in clear', async () => {
    await post(ADD('stored secret text'), 'key-stored');
    const { Items = [] } = await documentClient(settings).send(new ScanCommand({ TableName: TABLE }));
    const now = Date.now() / 1000;
    expect(Items.length).toBeGreaterThan(0);
    for (const item of Items) {
      expect(item.id).toMatch(/^notes#/);
      expect(item.status).toBe('COMPLETED');
      expect(item.expiration).toBeGreaterThan(now + 24 * 3600 - 120);
      expect(item.expiration).toBeLessThan(now + 24 * 3600 + 120);
    }
    // The stored result holds what the mutation returned; the arguments are only a keyed digest.
    const stored = Items.filter((item) => JSON.stringify(item).includes('stored secret text'));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.validation).not.toContain('stored secret text');
    expect(Object.keys(stored[0]!).sort()).toEqual(['data', 'expiration', 'id', 'in_progress_expiration', 'status', 'validation']);
  });
});
