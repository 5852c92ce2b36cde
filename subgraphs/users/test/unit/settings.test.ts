import { EnvError } from '@bff/kit/core';

import { usersSettings } from '../../src/settings';

describe('usersSettings: the users Lambda environment, read once', () => {
  it('falls back to the local names and the default limits, and an empty variable counts as unset', () => {
    const settings = usersSettings({ USERS_TABLE: '' });
    expect(settings).toMatchObject({
      tableName: 'users',
      idempotencyTableName: 'users-idempotency',
      loginLimits: { perAccount: 10, perSourceIp: 100, windowSeconds: 900 },
      productionEnv: { USERS_TABLE: undefined, USERS_IDEMPOTENCY_TABLE: undefined },
    });
    expect(settings.runtime.development).toBe(true);
  });

  it('takes the stack’s names and the operator’s limits', () => {
    const settings = usersSettings({
      NODE_ENV: 'production',
      USERS_TABLE: 'prod-users',
      USERS_IDEMPOTENCY_TABLE: 'prod-users-idempotency',
      LOGIN_MAX_FAILURES_PER_ACCOUNT: '3',
      LOGIN_MAX_ATTEMPTS_PER_IP: '50',
      LOGIN_LIMIT_WINDOW_SECONDS: '60',
    });
    expect(settings).toMatchObject({
      tableName: 'prod-users',
      idempotencyTableName: 'prod-users-idempotency',
      loginLimits: { perAccount: 3, perSourceIp: 50, windowSeconds: 60 },
      productionEnv: { USERS_TABLE: 'prod-users', USERS_IDEMPOTENCY_TABLE: 'prod-users-idempotency' },
    });
    expect(settings.runtime.development).toBe(false);
  });

  it('refuses a limit below 1, naming every bad variable', () => {
    expect(() => usersSettings({ LOGIN_MAX_ATTEMPTS_PER_IP: '0', LOGIN_LIMIT_WINDOW_SECONDS: 'soon' })).toThrow(EnvError);
    expect(() => usersSettings({ LOGIN_MAX_ATTEMPTS_PER_IP: '0', LOGIN_LIMIT_WINDOW_SECONDS: 'soon' })).toThrow(
      /LOGIN_MAX_ATTEMPTS_PER_IP[^\n]*\n[^\n]*LOGIN_LIMIT_WINDOW_SECONDS/,
    );
  });
});
