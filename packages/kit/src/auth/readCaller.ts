import type { APIGatewayProxyEventV2 } from 'aws-lambda';

import type { Caller } from './accessToken';
import { INTERNAL_HEADER, InternalSignatureError, NonceCache, verifyInternalCall } from './internalSignature';
import { authSecrets } from './secrets';

const nonces = new NonceCache();

/** The raw body as the caller signed it. */
function rawBody(event: APIGatewayProxyEventV2): string {
  if (!event.body) return '';
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
}

/**
 * The one place a subgraph learns who is calling: from the gateway's signed
 * internal header, never from the frontend's token. Throws InternalSignatureError
 * for a call the gateway did not sign (the subgraph answers 401).
 */
export async function readCaller(event: APIGatewayProxyEventV2): Promise<Caller | null> {
  const { internalSigningSecret } = await authSecrets();
  return verifyInternalCall(event.headers?.[INTERNAL_HEADER], rawBody(event), internalSigningSecret, nonces).caller;
}

export { InternalSignatureError };
