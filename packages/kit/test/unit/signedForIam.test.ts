import { readRuntimeSettings, signedForIam } from '../../src';

describe('SigV4 for calls between services (IAM-authorized HTTP APIs)', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('is off unless UPSTREAM_SIGV4=true', () => {
    expect(readRuntimeSettings({}).iamSigning).toBe(false);
    expect(readRuntimeSettings({ UPSTREAM_SIGV4: 'true' }).iamSigning).toBe(true);
    expect(() => readRuntimeSettings({ UPSTREAM_SIGV4: 'yes' })).toThrow('UPSTREAM_SIGV4: must be "true" or "false" (got "yes")');
  });

  it('signs for execute-api with the role’s credentials, covering the internal signature header', async () => {
    // The credentials are the SDK's to find (the Lambda role's): it reads them from the environment.
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
      AWS_SESSION_TOKEN: 'session-token',
    });
    const headers = await signedForIam('https://abc123.execute-api.eu-west-1.amazonaws.com/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-bff-internal': 'v1.payload.mac' },
      body: '{"query":"{ __typename }"}',
    }, readRuntimeSettings({ AWS_REGION: 'eu-west-1' }).awsRegion);
    expect(headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/execute-api\/aws4_request, SignedHeaders=[a-z0-9;-]*x-bff-internal[a-z0-9;-]*, Signature=[0-9a-f]{64}$/,
    );
    expect(headers['x-amz-date']).toMatch(/^\d{8}T\d{6}Z$/);
    expect(headers['x-amz-security-token']).toBe('session-token');
    expect(headers['x-bff-internal']).toBe('v1.payload.mac');
  });

  it('says so when the region is missing', async () => {
    await expect(signedForIam('https://x.example/graphql', { method: 'POST', headers: {}, body: '' }, readRuntimeSettings({}).awsRegion)).rejects.toThrow(
      'AWS_REGION is not set',
    );
  });
});
