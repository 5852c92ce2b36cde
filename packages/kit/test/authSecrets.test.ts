import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';

import { authSecrets, cursorSecret } from '../src';

describe('authSecrets from Secrets Manager (AUTH_SECRET_ARN)', () => {
  const secretsManager = mockClient(SecretsManagerClient);
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
    secretsManager.reset();
  });
  afterAll(() => secretsManager.restore());

  it('reads the JSON secret once and keeps it', async () => {
    process.env.AUTH_SECRET_ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:bff/dev/auth-once';
    secretsManager.on(GetSecretValueCommand).resolves({ SecretString: JSON.stringify({ jwtSecret: 'j'.repeat(40), internalSigningSecret: 'i'.repeat(40) }) });
    const first = await authSecrets();
    const second = await authSecrets();
    expect(Buffer.from(first.jwtSecret).toString()).toBe('j'.repeat(40));
    expect(Buffer.from(second.internalSigningSecret).toString()).toBe('i'.repeat(40));
    expect(secretsManager.commandCalls(GetSecretValueCommand)).toHaveLength(1);
    expect(secretsManager.commandCalls(GetSecretValueCommand)[0]?.args[0].input).toEqual({ SecretId: process.env.AUTH_SECRET_ARN });
  });

  it('refuses a secret without both keys, and tries again on the next call', async () => {
    process.env.AUTH_SECRET_ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:bff/dev/auth-retry';
    secretsManager.on(GetSecretValueCommand).resolvesOnce({ SecretString: JSON.stringify({ jwtSecret: 'short' }) });
    await expect(authSecrets()).rejects.toThrow('needs a "jwtSecret" of at least 32 bytes');
    secretsManager.on(GetSecretValueCommand).resolves({ SecretString: JSON.stringify({ jwtSecret: 'k'.repeat(32), internalSigningSecret: 'l'.repeat(32) }) });
    expect(Buffer.from((await authSecrets()).jwtSecret).toString()).toBe('k'.repeat(32));
  });

  it('reads the cursor key from the same secret, and reads the secret again while it lacks one', async () => {
    process.env.AUTH_SECRET_ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:bff/dev/auth-cursor';
    secretsManager.on(GetSecretValueCommand).resolvesOnce({ SecretString: JSON.stringify({ jwtSecret: 'j'.repeat(32), internalSigningSecret: 'i'.repeat(32) }) });
    await expect(cursorSecret()).rejects.toThrow('needs a "cursorSecret" of at least 32 bytes');
    secretsManager.on(GetSecretValueCommand).resolves({
      SecretString: JSON.stringify({ jwtSecret: 'j'.repeat(32), internalSigningSecret: 'i'.repeat(32), cursorSecret: 'c'.repeat(32) }),
    });
    expect(Buffer.from(await cursorSecret()).toString()).toBe('c'.repeat(32));
    expect(Buffer.from((await authSecrets()).jwtSecret).toString()).toBe('j'.repeat(32));
  });

  it('says a secret that is not JSON is not, without quoting it', async () => {
    process.env.AUTH_SECRET_ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:bff/dev/auth-text';
    secretsManager.on(GetSecretValueCommand).resolves({ SecretString: 'jwt=k3y-material' });
    const error = await authSecrets().catch((caught: Error) => caught);
    expect((error as Error).message).toBe(`The secret ${process.env.AUTH_SECRET_ARN} is not a JSON object`);
  });

  it('requires configured secrets in production', async () => {
    process.env.NODE_ENV = 'production';
    delete process.env.JWT_SECRET;
    delete process.env.INTERNAL_SIGNING_SECRET;
    await expect(authSecrets()).rejects.toThrow('JWT_SECRET and INTERNAL_SIGNING_SECRET must be set in production');
  });
});
