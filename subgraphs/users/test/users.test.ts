import { issueAccessToken, Secrets } from '@bff/kit';
import { postGraphQL } from '@bff/kit/local';
import { developerSecrets, postSignedGraphQL, signedHeaders } from '@bff/test-support';

import { type LocalUsers, startLocalUsers } from './localUsers';

const REGISTER = `mutation ($input: RegisterInput!) { register(input: $input) { token user { id name email createdAt } } }`;
const LOGIN = `mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token user { id email } } }`;

interface Auth {
  token: string;
  user: { id: string; name: string; email: string | null; createdAt: string };
}

describe('users subgraph, through its Lambda handler and the local store', () => {
  let service: LocalUsers;
  const createUser: LocalUsers['createUser'] = (input) => service.createUser(input);
  const getUser = (id: string) => service.repository.getUser(id);
  const documentClient = () => service.client;
  // Signed as the gateway signs, on behalf of `userId` (anonymous when absent).
  const post = <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, userId?: string) =>
    postSignedGraphQL<T>(service.url, query, variables, userId);

  beforeAll(async () => {
    service = await startLocalUsers();
  });
  afterAll(() => service.close());

  it('registers, signs in with any case of the email, and knows who "me" is', async () => {
    const registered = await post<{ register: Auth }>(REGISTER, {
      input: { name: '  Ada Lovelace ', email: 'Ada@Example.com', password: 'correct horse' },
    });
    expect(registered.body.errors).toBeUndefined();
    const { token, user } = registered.body.data!.register;
    expect(token.split('.')).toHaveLength(3);
    expect(user).toMatchObject({ name: 'Ada Lovelace', email: 'Ada@Example.com' });
    expect(Date.parse(user.createdAt)).not.toBeNaN();

    const login = await post<{ login: Auth }>(LOGIN, { email: 'ada@EXAMPLE.com', password: 'correct horse' });
    expect(login.body.data?.login.user).toEqual({ id: user.id, email: 'Ada@Example.com' });

    expect((await post('{ me { id name email } }', undefined, user.id)).body.data).toEqual({
      me: { id: user.id, name: 'Ada Lovelace', email: 'Ada@Example.com' },
    });
    expect((await post('{ me { id } }')).body.data).toEqual({ me: null });
  });

  it('never stores or returns the password in plain text', async () => {
    const { body } = await post<{ register: Auth }>(REGISTER, {
      input: { name: 'Grace', email: 'grace@example.com', password: 'super secret 1' },
    });
    expect(JSON.stringify(body)).not.toContain('super secret 1');
    const stored = await getUser(body.data!.register.user.id);
    expect(stored?.passwordHash).toMatch(/^scrypt\$32768\$8\$3\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(JSON.stringify(stored)).not.toContain('super secret 1');
  });

  it('shows an email only to its owner', async () => {
    const owner = await createUser({ name: 'Owner', email: 'owner@example.com', password: 'password-1' });
    const other = await createUser({ name: 'Other', email: 'other@example.com', password: 'password-2' });
    const query = `query ($id: ID!) { user(id: $id) { name email } }`;
    expect((await post(query, { id: owner.id }, owner.id)).body.data).toEqual({
      user: { name: 'Owner', email: 'owner@example.com' },
    });
    expect((await post(query, { id: owner.id }, other.id)).body.data).toEqual({
      user: { name: 'Owner', email: null },
    });
    expect((await post(query, { id: owner.id })).body.data).toEqual({ user: { name: 'Owner', email: null } });
    expect((await post(query, { id: 'nobody' })).body.data).toEqual({ user: null });
    expect((await post('query ($ids: [ID!]!) { users(ids: $ids) { name } }', { ids: [other.id, 'nobody', owner.id] })).body.data).toEqual({
      users: [{ name: 'Other' }, null, { name: 'Owner' }],
    });
  });

  it.each([
    [{ name: '', email: 'a@example.com', password: 'password-1' }, 'Name must be 1 to 100 characters.'],
    [{ name: 'x'.repeat(101), email: 'a@example.com', password: 'password-1' }, 'Name must be 1 to 100 characters.'],
    [{ name: 'A', email: 'not-an-email', password: 'password-1' }, 'Email must be an address like ada@example.com.'],
    [{ name: 'A', email: 'a@example.com', password: 'short' }, 'Password must be 8 to 128 characters.'],
    [{ name: 'A', email: 'a@example.com', password: 'x'.repeat(129) }, 'Password must be 8 to 128 characters.'],
  ])('refuses registration %j with BAD_USER_INPUT', async (input, message) => {
    const { body } = await post(REGISTER, { input });
    expect(body.data).toBeNull();
    expect(body.errors).toEqual([expect.objectContaining({ message, extensions: { code: 'BAD_USER_INPUT' } })]);
  });

  it('refuses a taken email, whatever its case', async () => {
    await createUser({ name: 'First', email: 'taken@example.com', password: 'password-1' });
    const { body } = await post(REGISTER, { input: { name: 'Second', email: 'TAKEN@example.com', password: 'password-2' } });
    expect(body.errors?.[0]).toMatchObject({ message: 'An account with this email exists already.', extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('creates exactly one account when two sign-ups race for one email', async () => {
    const attempts = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        post<{ register: Auth }>(REGISTER, { input: { name: `Racer ${i}`, email: 'race@example.com', password: `password-${i}` } }),
      ),
    );
    const winners = attempts.filter((attempt) => attempt.body.data?.register);
    const losers = attempts.filter((attempt) => attempt.body.errors?.[0]?.extensions?.code === 'BAD_USER_INPUT');
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(7);
    const winner = winners[0]!.body.data!.register.user;
    const login = await post<{ login: Auth }>(LOGIN, { email: 'race@example.com', password: `password-${winner.name.slice(-1)}` });
    expect(login.body.data?.login.user.id).toBe(winner.id);
  });

  it('answers a wrong password and an unknown email alike', async () => {
    await createUser({ name: 'Login', email: 'login@example.com', password: 'right-password' });
    const wrong = await post(LOGIN, { email: 'login@example.com', password: 'wrong-password' });
    const unknown = await post(LOGIN, { email: 'nobody@example.com', password: 'right-password' });
    for (const { body } of [wrong, unknown]) {
      expect(body.errors).toEqual([expect.objectContaining({ message: 'Email or password is incorrect.', extensions: { code: 'UNAUTHENTICATED' } })]);
    }
  });

  it('answers only calls the gateway signed, _service and _entities included, with 401', async () => {
    const query = '{ _service { sdl } }';
    const body = JSON.stringify({ query });
    const unsigned = await postGraphQL(service.url, query);
    expect(unsigned.status).toBe(401);
    expect(unsigned.body.errors).toEqual([
      { message: 'This service answers only calls signed by the gateway.', extensions: { code: 'UNAUTHENTICATED' } },
    ]);
    const entities = await postGraphQL(service.url, '{ _entities(representations: [{ __typename: "User", id: "x" }]) { __typename } }');
    expect(entities.status).toBe(401);

    // A frontend token is no substitute for the gateway's signature.
    const token = await issueAccessToken('someone', { secrets: developerSecrets, ttlSeconds: 3600 });
    expect((await postGraphQL(service.url, '{ me { id } }', undefined, { authorization: `Bearer ${token}` })).status).toBe(401);

    const signed = await signedHeaders(body, { caller: { userId: 'someone' }, requestId: 'rid-1' });
    const [name, value] = Object.entries(signed)[0]!;
    const send = (headers: Record<string, string>, text = body) =>
      fetch(service.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: text });

    expect((await send({ [name]: value })).status).toBe(200);
    // The same header again is a replay.
    expect((await send({ [name]: value })).status).toBe(401);
    // A valid header on another body, a forged MAC, a signature by another key.
    const fresh = Object.values(await signedHeaders(body, { requestId: 'rid-2' }))[0]!;
    expect((await send({ [name]: fresh }, JSON.stringify({ query: '{ users(ids: ["a"]) { id } }' }))).status).toBe(401);
    expect((await send({ [name]: `${fresh.slice(0, -4)}AAAA` })).status).toBe(401);
    const otherKey = new Secrets({ development: false, values: { jwtSecret: 'j'.repeat(32), internalSigningSecret: 'o'.repeat(32) } });
    expect((await send(await signedHeaders(body, { secrets: otherKey }))).status).toBe(401);
    // An old signature, even with a fresh nonce, is stale.
    expect((await send(await signedHeaders(body, { signedAt: Date.now() - 60_000 }))).status).toBe(401);
  });

  it('serves 250 entity lookups with 3 BatchGetItem calls', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await createUser({ name: `Batch ${i}`, email: `batch${i}@example.com`, password: 'password-1' })).id);
    const representations = Array.from({ length: 250 }, (_, i) => ({ __typename: 'User', id: i < 5 ? ids[i] : `missing-${i}` }));
    let calls = 0;
    const counter = 'count-batch-get';
    documentClient().middlewareStack.add(
      (next, context) => (args) => {
        if (context.commandName === 'BatchGetItemCommand') calls++;
        return next(args);
      },
      { step: 'initialize', name: counter },
    );
    try {
      const { body } = await post<{ _entities: ({ name: string } | null)[] }>(
        'query ($r: [_Any!]!) { _entities(representations: $r) { ... on User { name } } }',
        { r: representations },
      );
      expect(body.data?._entities).toHaveLength(250);
      expect(body.data?._entities.slice(0, 5)).toEqual(ids.map((_, i) => ({ name: `Batch ${i}` })));
      expect(body.data?._entities.slice(5).every((entity) => entity === null)).toBe(true);
    } finally {
      documentClient().middlewareStack.remove(counter);
    }
    expect(calls).toBe(3);
  });
});
