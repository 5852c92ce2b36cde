import { INTERNAL_HEADER, type InternalCall, type Secrets, signInternalCall } from '@bff/kit';

import { developerSecrets } from './developerKeys';

/** What a test signs a call with: what the gateway would sign (anonymous, a fixed request id by default) and the keys. */
export interface SignOptions extends Partial<InternalCall> {
  /** The keys to sign with: a developer's unless the test made its own. */
  secrets?: Pick<Secrets, 'authSecrets'>;
  /** When the gateway signed it (ms since the epoch): a past time makes a stale signature. */
  signedAt?: number;
}

/**
 * The header the gateway adds to a call to a subgraph, signed for exactly this body:
 * the one way tests sign. It signs as the kit's subgraph client does (the kit's
 * `signInternalHeaders` signs caller and request id only), so a test can also sign
 * the client's address or an idempotency key.
 */
export async function signedHeaders(body: string, options: SignOptions = {}): Promise<Record<string, string>> {
  const { secrets = developerSecrets, signedAt = Date.now(), caller = null, requestId = 'test-request', ...rest } = options;
  const { internalSigningSecret } = await secrets.authSecrets();
  return { [INTERNAL_HEADER]: signInternalCall({ ...rest, caller, requestId }, body, internalSigningSecret, signedAt) };
}
