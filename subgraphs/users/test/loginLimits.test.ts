import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { GraphQLHttpResult } from '@bff/kit/local';
import { signedHeaders } from '@bff/test-support';

import { loginWindow } from '../src/service/loginLimits';
import { usersSettings } from '../src/settings';
import { type LocalUsers, startLocalUsers } from './localUsers';

const LOGIN = `mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token user { id } } }`;
type LoginBody = GraphQLHttpResult<{ login: { token: string; user: { id: string } } }>['body'];

const tableName = () => usersSettings({}).tableName;

// Each login hashes with scrypt (about 0.2 s of CPU): room for a busy machine, not a speed check.
const SCRYPT_TIMEOUT_MS = 60_000;

/** `OK`, or the error's code. */
const outcome = (body: LoginBody) => (body.data?.login ? 'OK' : body.errors?.[0]?.extensions?.code);

describe('login attempts are limited per account and per source IP', () => {
  let service: LocalUsers;
  const createUser: LocalUsers['createUser'] = (input) => service.createUser(input);
  const documentClient = () => service.client;

  /** Small limits for one test. The window is long enough (~31 years) that no test runs across its end. */
  function setLimits(perAccount: number, perSourceIp: number): void {
    service.reconfigure({ loginLimits: { perAccount, perSourceIp, windowSeconds: 1e9 } });
  }

  /** A login as the gateway sends it, for a client at `ip`. */
  async function loginFrom(ip: string, email: string, password: string): Promise<LoginBody> {
    const body = JSON.stringify({ query: LOGIN, variables: { email, password } });
    const response = await fetch(service.url, { method: 'POST', headers: { 'content-type': 'application/json', ...(await signedHeaders(body, { sourceIp: ip })) }, body });
    return (await response.json()) as LoginBody;
  }

  beforeAll(async () => {
    service = await startLocalUsers();
  });
  afterAll(() => service.close());

  it('refuses an account after N failures, even with the right password, saying when to try again', async () => {
    setLimits(3, 100);
    await createUser({ name: 'Target', email: 'target@example.com', password: 'right-password' });
    for (let i = 0; i < 3; i++) {
      expect(outcome(await loginFrom('198.51.100.1', 'TARGET@example.com', `wrong-${i}-password`))).toBe('UNAUTHENTICATED');
    }
    const refused = await loginFrom('198.51.100.1', 'target@example.com', 'right-password');
    expect(refused.data).toBeNull();
    expect(refused.errors).toHaveLength(1);
    const [error] = refused.errors!;
    expect(error!.message).toMatch(/^Too many failed login attempts for this account\. Try again in \d+ (seconds|minutes)\.$/);
    const { code, retryAfterSeconds, ...rest } = error!.extensions!;
    expect({ code, rest }).toEqual({ code: 'TOO_MANY_REQUESTS', rest: {} });
    expect(Number.isInteger(retryAfterSeconds)).toBe(true);
    expect(retryAfterSeconds).toBeGreaterThan(0);
    expect(retryAfterSeconds).toBeLessThanOrEqual(1e9);
    // The account is locked from every address, not only the one that failed.
    expect(outcome(await loginFrom('198.51.100.2', 'target@example.com', 'right-password'))).toBe('TOO_MANY_REQUESTS');
  }, SCRYPT_TIMEOUT_MS);

  it('counts an unknown email like a known one, so the limit does not tell them apart', async () => {
    setLimits(2, 100);
    const outcomes = [];
    for (let i = 0; i < 3; i++) outcomes.push(outcome(await loginFrom('198.51.100.3', 'nobody@example.com', 'some-password')));
    expect(outcomes).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'TOO_MANY_REQUESTS']);
  }, SCRYPT_TIMEOUT_MS);

  it('lets at most the limit through when 30 attempts race, and keeps the count with a TTL', async () => {
    setLimits(10, 1000);
    await createUser({ name: 'Raced', email: 'raced@example.com', password: 'right-password' });
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, (_, i) => loginFrom('198.51.100.4', 'raced@example.com', `guess-${i}-password`).then(outcome)),
    );
    // UNAUTHENTICATED means the password was hashed and compared; a refusal comes before any hashing.
    expect(outcomes.filter((code) => code === 'UNAUTHENTICATED')).toHaveLength(10);
    expect(outcomes.filter((code) => code === 'TOO_MANY_REQUESTS')).toHaveLength(20);

    const { Items } = await documentClient().send(
      new ScanCommand({
        TableName: tableName(),
        FilterExpression: 'begins_with(pk, :pk)',
        ExpressionAttributeValues: { ':pk': 'LOGINLIMIT#EMAIL#raced@example.com#' },
      }),
    );
    const window = loginWindow(Date.now(), 1e9);
    expect(Items).toEqual([{ pk: `LOGINLIMIT#EMAIL#raced@example.com#${window.start}`, attempts: 10, ttl: window.end }]);
  }, SCRYPT_TIMEOUT_MS);

  it('limits one address across many accounts, and leaves other addresses alone', async () => {
    setLimits(10, 4);
    await createUser({ name: 'Shared', email: 'shared@example.com', password: 'right-password' });
    for (let i = 0; i < 4; i++) {
      expect(outcome(await loginFrom('203.0.113.5', `sprayed-${i}@example.com`, 'common-password'))).toBe('UNAUTHENTICATED');
    }
    const [refused] = (await loginFrom('203.0.113.5', 'shared@example.com', 'right-password')).errors ?? [];
    expect(refused?.message).toMatch(/^Too many login attempts from your network\. Try again in \d+ (seconds|minutes)\.$/);
    expect(refused?.extensions?.code).toBe('TOO_MANY_REQUESTS');
    expect(refused?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
    expect(outcome(await loginFrom('203.0.113.6', 'shared@example.com', 'right-password'))).toBe('OK');
  }, SCRYPT_TIMEOUT_MS);

  it('counts an IPv6 client by its /64', async () => {
    setLimits(10, 2);
    expect(outcome(await loginFrom('2001:db8:1:2::a', 'v6-a@example.com', 'some-password'))).toBe('UNAUTHENTICATED');
    expect(outcome(await loginFrom('2001:db8:1:2:ffff::b', 'v6-b@example.com', 'some-password'))).toBe('UNAUTHENTICATED');
    expect(outcome(await loginFrom('2001:0db8:0001:0002::c', 'v6-c@example.com', 'some-password'))).toBe('TOO_MANY_REQUESTS');
    expect(outcome(await loginFrom('2001:db8:1:3::a', 'v6-d@example.com', 'some-password'))).toBe('UNAUTHENTICATED');
  }, SCRYPT_TIMEOUT_MS);

  it('forgets an account’s failures when it logs in', async () => {
    setLimits(3, 100);
    await createUser({ name: 'Typo', email: 'typo@example.com', password: 'right-password' });
    const attempt = (password: string) => loginFrom('198.51.100.7', 'typo@example.com', password).then(outcome);
    expect([await attempt('wrong-password-1'), await attempt('wrong-password-2'), await attempt('right-password')]).toEqual([
      'UNAUTHENTICATED',
      'UNAUTHENTICATED',
      'OK',
    ]);
    // Without the reset, the next one would already be the fourth attempt in the window.
    const after = [];
    for (let i = 0; i < 4; i++) after.push(await attempt(`wrong-again-${i}`));
    expect(after).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'TOO_MANY_REQUESTS']);
  }, SCRYPT_TIMEOUT_MS);

  it('refuses an email or password no account can have without counting it', async () => {
    setLimits(10, 1);
    for (const [email, password] of [
      [`${'x'.repeat(250)}@example.com`, 'some-password'],
      ['long@example.com', 'p'.repeat(129)],
    ] as const) {
      expect((await loginFrom('198.51.100.8', email, password)).errors?.[0]).toMatchObject({
        message: 'Email or password is incorrect.',
        extensions: { code: 'UNAUTHENTICATED' },
      });
    }
    expect(outcome(await loginFrom('198.51.100.8', 'counted@example.com', 'some-password'))).toBe('UNAUTHENTICATED');
    expect(outcome(await loginFrom('198.51.100.8', 'counted@example.com', 'some-password'))).toBe('TOO_MANY_REQUESTS');
  }, SCRYPT_TIMEOUT_MS);
});

describe('loginWindow', () => {
  it('is the fixed window the time falls in, with whole seconds left (at least 1)', () => {
    const start = Date.UTC(2026, 0, 1, 12, 0, 0) / 1000; // a multiple of 900
    expect(loginWindow(start * 1000, 900)).toEqual({ start, end: start + 900, retryAfterSeconds: 900 });
    expect(loginWindow(start * 1000 + 899_001, 900)).toEqual({ start, end: start + 900, retryAfterSeconds: 1 });
    expect(loginWindow(start * 1000 + 899_999, 900).retryAfterSeconds).toBe(1);
    expect(loginWindow(start * 1000 + 100_500, 900).retryAfterSeconds).toBe(800);
    expect(loginWindow((start + 900) * 1000, 900).start).toBe(start + 900);
  });
});
