import { environmentSecrets } from '../config';
import type { Caller } from './accessToken';
import { INTERNAL_HEADER, signInternalCall } from './internalSignature';
import type { Secrets } from './secrets';

/** Headers for one call to a subgraph on behalf of `caller` (null: anonymous), signed for this body. */
export async function signInternalHeaders(
  body: string,
  caller: Caller | null,
  requestId: string,
  // TRANSITION: remove when callers pass settings.
  secrets: Pick<Secrets, 'authSecrets'> = environmentSecrets(),
): Promise<Record<string, string>> {
  const { internalSigningSecret } = await secrets.authSecrets();
  return { [INTERNAL_HEADER]: signInternalCall({ caller, requestId }, body, internalSigningSecret) };
}
