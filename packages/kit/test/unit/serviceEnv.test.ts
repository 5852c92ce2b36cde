import { SERVICES } from '../../src/catalogue/services';
import { calleeSettings, serviceTables } from '../../src/env/serviceEnv';

describe("a service's catalogue variables, as its entry reads them", () => {
  it('names its tables by the catalogue, with the local names when unset or empty, and says what production must set', () => {
    expect(serviceTables(SERVICES.comments, { COMMENTS_IDEMPOTENCY_TABLE: '' })).toEqual({
      tableName: 'comments',
      idempotencyTableName: 'comments-idempotency',
      productionEnv: { COMMENTS_TABLE: undefined, COMMENTS_IDEMPOTENCY_TABLE: undefined },
    });
    expect(serviceTables(SERVICES.users, { USERS_TABLE: 'prod-users', USERS_IDEMPOTENCY_TABLE: 'prod-users-idempotency' })).toEqual({
      tableName: 'prod-users',
      idempotencyTableName: 'prod-users-idempotency',
      productionEnv: { USERS_TABLE: 'prod-users', USERS_IDEMPOTENCY_TABLE: 'prod-users-idempotency' },
    });
  });

  it("reads a callee's URL and time limit, refusing a limit that is not a positive whole number", () => {
    expect(calleeSettings(SERVICES.articles, {}, 2000)).toEqual({ url: undefined, timeoutMs: 2000 });
    expect(calleeSettings(SERVICES.articles, { ARTICLES_URL: 'http://articles/graphql', ARTICLES_TIMEOUT_MS: '750' }, 2000)).toEqual({
      url: 'http://articles/graphql',
      timeoutMs: 750,
    });
    expect(() => calleeSettings(SERVICES.comments, { COMMENTS_TIMEOUT_MS: '0' }, 2000)).toThrow(/COMMENTS_TIMEOUT_MS/);
  });
});
