import { type Caller, type Secrets, signInternalHeaders } from '@bff/kit';

import { developerSecrets } from './developerKeys';

export interface SignOptions {
  /** Who the call is for; anonymous when absent. */
  caller?: Caller | null;
  requestId?: string;
  /** The keys to sign with: a developer's unless the test made its own. */
  secrets?: Pick<Secrets, 'authSecrets'>;
}

/** The headers the gateway adds to a call to a subgraph, signed for exactly this body: the one way tests sign. */
export function signedHeaders(body: string, { caller = null, requestId = 'test-request', secrets = developerSecrets }: SignOptions = {}): Promise<Record<string, string>> {
  return signInternalHeaders(body, caller, requestId, secrets);
}
