import type { Caller } from './accessToken';
import { INTERNAL_HEADER, signInternalCall } from './internalSignature';
import type { Secrets } from './secrets';

/** Headers for one call to a subgraph on behalf of `caller` (null: anonymous), signed for this body. */
export async function signInternalHeaders(
  body: string,
  caller: Caller | null,
  requestId: string,
  secrets: Pick<Secrets, 'authSecrets'>,
): Promise<Record<string, string>> {
  const { internalSigningSecret } = await secrets.authSecrets();
  return { [INTERNAL_HEADER]: signInternalCall({ caller, requestId }, body, internalSigningSecret) };
}
