import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';

// One signer per region for the process: its credential provider caches and refreshes the role's credentials.
const signers = new Map<string, SignatureV4>();

/**
 * Adds SigV4 headers for `execute-api` to a request, with the function's own
 * role (credentials from the Lambda environment, refreshed by the provider).
 * Headers already present are signed too, so the internal signature rides along.
 * `region` is the settings' `awsRegion` (the region of the APIs).
 */
export async function signedForIam(
  url: string,
  request: { method: string; headers: Record<string, string>; body: string },
  region: string | undefined,
): Promise<Record<string, string>> {
  if (!region) throw new Error('AWS_REGION is not set: SigV4 signing needs the region of the APIs');
  let signer = signers.get(region);
  if (!signer) {
    signer = new SignatureV4({ service: 'execute-api', region, credentials: defaultProvider(), sha256: Hash.bind(null, 'sha256') });
    signers.set(region, signer);
  }
  const target = new URL(url);
  const signed = await signer.sign({
    method: request.method,
    protocol: target.protocol,
    hostname: target.hostname,
    ...(target.port ? { port: Number(target.port) } : {}),
    path: target.pathname,
    query: Object.fromEntries(target.searchParams),
    headers: { ...request.headers, host: target.host },
    body: request.body,
  });
  return signed.headers;
}
