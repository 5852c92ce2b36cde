import type { APIGatewayProxyEventV2 } from 'aws-lambda';

import { INTERNAL_HEADER, type InternalCall, InternalSignatureError, NonceCache, verifyInternalCall } from './internalSignature';
import { authSecrets } from './secrets';

const nonces = new NonceCache();

/** The raw body as the caller signed it. */
function rawBody(event: APIGatewayProxyEventV2): string {
  if (!event.body) return '';
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
}

/**
 * The one place a subgraph learns who is calling, and from where: from the
 * gateway's signed internal header, never from the frontend's token or its own
 * headers. Throws InternalSignatureError for a call the gateway did not sign
 * (the subgraph answers 401).
 */
export async function readInternalCall(event: APIGatewayProxyEventV2): Promise<InternalCall> {
  const { internalSigningSecret } = await authSecrets();
  return verifyInternalCall(event.headers?.[INTERNAL_HEADER], rawBody(event), internalSigningSecret, nonces);
}

export { InternalSignatureError };
