import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';

import { envOptional, envString } from '../config';

let signer: SignatureV4 | undefined;

/** True where calls between services must carry SigV4 (UPSTREAM_SIGV4=true: the subgraph APIs use IAM authorization). */
export function iamSigningEnabled(): boolean {
  return envString('UPSTREAM_SIGV4', 'false') === 'true';
}

/**
 * Adds SigV4 headers for `execute-api` to a request, with the function's own
 * role (credentials from the Lambda environment, refreshed by the provider).
 * Headers already present are signed too, so the internal signature rides along.
 */
export async function signedForIam(
  url: string,
  request: { method: string; headers: Record<string, string>; body: string },
): Promise<Record<string, string>> {
  const region = envOptional('AWS_REGION');
  if (!region) throw new Error('AWS_REGION is not set: SigV4 signing needs the region of the APIs');
  signer ??= new SignatureV4({
    service: 'execute-api',
    region,
    credentials: defaultProvider(),
    sha256: Hash.bind(null, 'sha256'),
  });
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
