import { envSuffix, type GatewaySettings } from '@bff/gateway/settings';

/** The gateway's time limits for one subgraph, which a scenario's expectations are measured against. */
export interface UpstreamLimits {
  timeoutMs: number;
  breakerResetMs: number;
}

/**
 * The limits the gateway under load applies to `subgraph`, from its settings as
 * it parses them (README, "Calls to subgraphs"): the per-subgraph value
 * (`BREAKER_RESET_MS_COMMENTS`) first, then the general one, then the default.
 */
export function upstreamLimits(gateway: Pick<GatewaySettings, 'upstream' | 'upstreamBySubgraph'>, subgraph: string): UpstreamLimits {
  const { timeoutMs, breakerResetMs } = gateway.upstreamBySubgraph[envSuffix(subgraph)] ?? gateway.upstream;
  return { timeoutMs, breakerResetMs };
}
