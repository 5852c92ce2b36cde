import { envVar, EnvError, parseEnv, readRuntimeSettings, runtimeEnvSchema, runtimeSettings } from '../../src';

describe('the kit’s runtime settings, parsed once by an entry', () => {
  it('has the defaults a deployment gets when nothing is set', () => {
    expect(readRuntimeSettings({})).toEqual({
      development: true,
      iamSigning: false,
      accessTokenTtlSeconds: 3600,
      secrets: { development: true, maxAgeSeconds: 300, values: {} },
    });
  });

  it('reads each variable by the name the stacks and the README use', () => {
    const settings = readRuntimeSettings({
      NODE_ENV: 'production',
      DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000',
      AWS_REGION: 'eu-west-1',
      UPSTREAM_SIGV4: 'true',
      ACCESS_TOKEN_TTL_SECONDS: '600',
      AUTH_SECRET_ARN: 'arn:aws:secretsmanager:eu-west-1:1:secret:auth',
      AUTH_SECRET_MAX_AGE_SECONDS: '60',
      JWT_SECRET: 'j',
      INTERNAL_SIGNING_SECRET: 'i',
      CURSOR_SECRET: 'c',
    });
    expect(settings).toEqual({
      development: false,
      dynamoEndpoint: 'http://127.0.0.1:8000',
      awsRegion: 'eu-west-1',
      iamSigning: true,
      accessTokenTtlSeconds: 600,
      secrets: {
        development: false,
        arn: 'arn:aws:secretsmanager:eu-west-1:1:secret:auth',
        maxAgeSeconds: 60,
        values: { jwtSecret: 'j', internalSigningSecret: 'i', cursorSecret: 'c' },
      },
    });
  });

  it('takes an empty variable for an unset one, as a shell’s `FOO= cmd` means', () => {
    expect(readRuntimeSettings({ DYNAMODB_ENDPOINT: '', ACCESS_TOKEN_TTL_SECONDS: '' })).toEqual(readRuntimeSettings({}));
  });

  it('names every wrong variable at once', () => {
    const error = (() => {
      try {
        readRuntimeSettings({ UPSTREAM_SIGV4: 'yes', ACCESS_TOKEN_TTL_SECONDS: 'an hour' });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(EnvError);
    expect((error as EnvError).problems).toEqual([
      expect.stringMatching(/^UPSTREAM_SIGV4: .* \(got "yes"\)$/),
      expect.stringMatching(/^ACCESS_TOKEN_TTL_SECONDS: .* \(got "an hour"\)$/),
    ]);
  });

  it('extends into an entry’s own schema, which keeps the kit’s part', () => {
    const schema = runtimeEnvSchema.extend({ THINGS_TABLE: envVar.string('things') });
    const env = parseEnv(schema, { THINGS_TABLE: 'things-prod', NODE_ENV: 'production' });
    expect(env.THINGS_TABLE).toBe('things-prod');
    expect(runtimeSettings(env).development).toBe(false);
  });
});
