import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';

import { readRuntimeSettings, Secrets } from '../../src';

const ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:bff/dev/auth';
const text = (value: Record<string, string>) => ({ SecretString: JSON.stringify(value) });

describe('Secrets from Secrets Manager (AUTH_SECRET_ARN), through Powertools Parameters', () => {
  const secretsManager = mockClient(SecretsManagerClient);
  afterEach(() => secretsManager.reset());
  afterAll(() => secretsManager.restore());

  it('reads the JSON secret once and keeps it for maxAge', async () => {
    secretsManager.on(GetSecretValueCommand).resolves(text({ jwtSecret: 'j'.repeat(40), internalSigningSecret: 'i'.repeat(40) }));
    const secrets = new Secrets({ development: false, arn: ARN });
    const first = await secrets.authSecrets();
    const second = await secrets.authSecrets();
    expect(Buffer.from(first.jwtSecret).toString()).toBe('j'.repeat(40));
    expect(Buffer.from(second.internalSigningSecret).toString()).toBe('i'.repeat(40));
    expect(secretsManager.commandCalls(GetSecretValueCommand)).toHaveLength(1);
    expect(secretsManager.commandCalls(GetSecretValueCommand)[0]?.args[0].input).toEqual({ SecretId: ARN });
  });

  it('reads it again once maxAge has passed, so that a rotated secret is used without a cold start', async () => {
    secretsManager.on(GetSecretValueCommand).resolvesOnce(text({ jwtSecret: 'a'.repeat(32), internalSigningSecret: 'i'.repeat(32) }));
    const secrets = new Secrets({ development: false, arn: ARN, maxAgeSeconds: 0 });
    expect(Buffer.from((await secrets.authSecrets()).jwtSecret).toString()).toBe('a'.repeat(32));
    secretsManager.on(GetSecretValueCommand).resolves(text({ jwtSecret: 'b'.repeat(32), internalSigningSecret: 'i'.repeat(32) }));
    expect(Buffer.from((await secrets.authSecrets()).jwtSecret).toString()).toBe('b'.repeat(32));
  });

  it('refuses a secret without both keys, and reads it afresh on the next call', async () => {
    secretsManager.on(GetSecretValueCommand).resolvesOnce(text({ jwtSecret: 'short' }));
    const secrets = new Secrets({ development: false, arn: ARN });
    await expect(secrets.authSecrets()).rejects.toThrow('needs a "jwtSecret" of at least 32 bytes');
    secretsManager.on(GetSecretValueCommand).resolves(text({ jwtSecret: 'k'.repeat(32), internalSigningSecret: 'l'.repeat(32) }));
    expect(Buffer.from((await secrets.authSecrets()).jwtSecret).toString()).toBe('k'.repeat(32));
  });

  it('reads the cursor key from the same secret, and reads the secret again while it lacks one', async () => {
    secretsManager.on(GetSecretValueCommand).resolvesOnce(text({ jwtSecret: 'j'.repeat(32), internalSigningSecret: 'i'.repeat(32) }));
    const secrets = new Secrets({ development: false, arn: ARN });
    await expect(secrets.cursorSecret()).rejects.toThrow('needs a "cursorSecret" of at least 32 bytes');
    secretsManager.on(GetSecretValueCommand).resolves(text({ jwtSecret: 'j'.repeat(32), internalSigningSecret: 'i'.repeat(32), cursorSecret: 'c'.repeat(32) }));
    expect(Buffer.from(await secrets.cursorSecret()).toString()).toBe('c'.repeat(32));
    expect(Buffer.from((await secrets.authSecrets()).jwtSecret).toString()).toBe('j'.repeat(32));
  });

  it('says a secret that is not JSON is not, without quoting it', async () => {
    secretsManager.on(GetSecretValueCommand).resolves({ SecretString: 'jwt=k3y-material' });
    const error = await new Secrets({ development: false, arn: ARN }).authSecrets().catch((caught: Error) => caught);
    expect((error as Error).message).toBe(`The secret ${ARN} is not a JSON object`);
  });
});

describe('Secrets from settings (local runs and tests)', () => {
  it('requires configured secrets in production', async () => {
    const { secrets } = readRuntimeSettings({ NODE_ENV: 'production' });
    await expect(new Secrets(secrets).authSecrets()).rejects.toThrow('JWT_SECRET and INTERNAL_SIGNING_SECRET must be set in production');
  });

  it('uses the values given, and refuses one too short, naming its variable', async () => {
    const { secrets } = readRuntimeSettings({ NODE_ENV: 'production', JWT_SECRET: 'j'.repeat(32), INTERNAL_SIGNING_SECRET: 'i'.repeat(32), CURSOR_SECRET: 'short' });
    expect(Buffer.from((await new Secrets(secrets).authSecrets()).jwtSecret).toString()).toBe('j'.repeat(32));
    await expect(new Secrets(secrets).cursorSecret()).rejects.toThrow('CURSOR_SECRET must be at least 32 bytes long');
  });

  it('generates a missing one outside production, the same for every part of the process', async () => {
    const { secrets } = readRuntimeSettings({});
    const [first, second] = await Promise.all([new Secrets(secrets).authSecrets(), new Secrets(secrets).authSecrets()]);
    expect(first.jwtSecret).toHaveLength(32);
    expect(first.jwtSecret).toBe(second.jwtSecret);
  });
});
