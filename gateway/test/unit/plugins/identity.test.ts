import { issueAccessToken, readRuntimeSettings, Secrets, UnauthenticatedError } from '@bff/kit/core';

import { identity } from '../../../src/plugins/identity';
import { gatewayEvent } from './gatewayEvent';

describe('identity', () => {
  const secrets = new Secrets(readRuntimeSettings({ JWT_SECRET: 'j'.repeat(40), INTERNAL_SIGNING_SECRET: 'i'.repeat(40) }).secrets);
  const plugin = identity(secrets);
  const identify = (authorization?: string) => plugin.identify!(gatewayEvent({ headers: authorization === undefined ? {} : { authorization } }));

  it('takes a request without an Authorization header as anonymous', async () => {
    expect(await identify()).toEqual({ caller: null });
    expect(await identify('')).toEqual({ caller: null });
  });

  it('names the caller of a valid Bearer token', async () => {
    const token = await issueAccessToken('user-7', { secrets, ttlSeconds: 60 });
    expect(await identify(`Bearer ${token}`)).toEqual({ caller: { userId: 'user-7' } });
  });

  it('refuses other schemes, bad and expired tokens, and tokens signed with another key', async () => {
    const token = await issueAccessToken('user-7', { secrets, ttlSeconds: 60 });
    await expect(identify(`Basic ${token}`)).rejects.toThrow(new UnauthenticatedError('The Authorization header must be "Bearer <token>".'));
    await expect(identify('Bearer not.a.jwt')).rejects.toThrow(UnauthenticatedError);
    const expired = await issueAccessToken('user-7', { secrets, ttlSeconds: -5 });
    await expect(identify(`Bearer ${expired}`)).rejects.toThrow('Your session has expired: log in again.');
    const other = new Secrets(readRuntimeSettings({ JWT_SECRET: 'x'.repeat(40), INTERNAL_SIGNING_SECRET: 'i'.repeat(40) }).secrets);
    await expect(identify(`Bearer ${await issueAccessToken('user-7', { secrets: other, ttlSeconds: 60 })}`)).rejects.toThrow(UnauthenticatedError);
  });
});
