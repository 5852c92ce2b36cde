import { envInt } from '../config';
import { iamSigningEnabled } from '../aws/signedForIam';
import { createLogger } from '../logger';
import { SubgraphClient } from './subgraphClient';
import { DEFAULT_SUBGRAPH_CLIENT_SETTINGS } from './subgraphClientSettings';

/**
 * The client one service uses to call another (comments → articles): one per
 * Lambda instance, so that its breaker and connections outlive a request. Its time
 * limit (`<CALLEE>_TIMEOUT_MS`, 2 s) sits below the gateway's 3 s, so that the
 * gateway hears why a call failed rather than timing out itself.
 */
export function serviceClient(caller: string, callee: string): SubgraphClient {
  return new SubgraphClient({
    subgraph: callee,
    settings: { ...DEFAULT_SUBGRAPH_CLIENT_SETTINGS, timeoutMs: envInt(`${callee.toUpperCase()}_TIMEOUT_MS`, 2_000) },
    logger: createLogger(caller),
    iamSigning: iamSigningEnabled(),
  });
}
