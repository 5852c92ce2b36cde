import type { Secrets } from '../auth/secrets';
import type { RuntimeSettings } from '../env/runtimeEnv';
import { createLogger } from '../logger';
import { SubgraphClient } from './subgraphClient';
import { DEFAULT_SUBGRAPH_CLIENT_SETTINGS } from './subgraphClientSettings';

/** A service's calls to another time out sooner than the gateway's (3 s), so that the gateway hears why one failed. */
export const DEFAULT_SERVICE_CALL_TIMEOUT_MS = 2_000;

/** What a service's client for another service needs from its entry's settings. */
export interface ServiceClientOptions {
  runtime: Pick<RuntimeSettings, 'iamSigning' | 'awsRegion'>;
  secrets: Pick<Secrets, 'authSecrets'>;
  /** The callee's time limit (its catalogue `timeoutEnv`, e.g. ARTICLES_TIMEOUT_MS); DEFAULT_SERVICE_CALL_TIMEOUT_MS by default. */
  timeoutMs?: number;
}

/**
 * The client one service uses to call another (comments → articles): one per
 * Lambda instance, so that its breaker and connections outlive a request.
 */
export function serviceClient(caller: string, callee: string, { runtime, secrets, timeoutMs = DEFAULT_SERVICE_CALL_TIMEOUT_MS }: ServiceClientOptions): SubgraphClient {
  return new SubgraphClient({
    subgraph: callee,
    settings: { ...DEFAULT_SUBGRAPH_CLIENT_SETTINGS, timeoutMs },
    logger: createLogger(caller),
    iamSigning: runtime.iamSigning,
    ...(runtime.awsRegion === undefined ? {} : { awsRegion: runtime.awsRegion }),
    secrets,
  });
}
