import type { Secrets } from '@bff/kit/core';

import { postChecked } from './http';
import { signedRequest } from './queries';
import { quantile, round } from './stats';

export interface OverheadResult {
  engine: string;
  requests: number;
  directP50Ms: number;
  directP99Ms: number;
  gatewayP50Ms: number;
  gatewayP99Ms: number;
  /** Gateway minus direct, at each percentile. */
  p50Ms: number;
  p99Ms: number;
  /** The targets it was held to; p99 only where one is set. */
  target: { p50Ms: number; p99Ms?: number };
  met: boolean;
}

export interface OverheadOptions {
  /** The row's name: the engine, or the stock gateway. */
  engine: string;
  gatewayUrl: string;
  subgraphUrl: string;
  /** A query the subgraph at `subgraphUrl` answers alone. */
  query: string;
  requests: number;
  target: { p50Ms: number; p99Ms?: number };
  /** The keys the subgraph checks signatures with: the direct requests are signed as the gateway signs. */
  secrets: Pick<Secrets, 'authSecrets'>;
}

/**
 * The same single-subgraph query sent to the subgraph directly (signed, as the
 * gateway would) and through the gateway, warm, one at a time, alternating so
 * that drift in the machine hits both alike.
 */
export async function measureOverhead({ engine, gatewayUrl, subgraphUrl, query, requests, target, secrets }: OverheadOptions): Promise<OverheadResult> {
  const gatewayBody = JSON.stringify({ query });
  const direct: number[] = [];
  const viaGateway: number[] = [];
  const warmup = Math.max(50, Math.round(requests / 10));
  for (let i = 0; i < warmup + requests; i++) {
    // Signed outside the timing: the gateway signs too, but that is part of what it costs.
    const signed = await signedRequest(secrets, query);
    let started = performance.now();
    await postChecked(subgraphUrl, signed.body, signed.headers);
    const directMs = performance.now() - started;
    started = performance.now();
    await postChecked(gatewayUrl, gatewayBody);
    const gatewayMs = performance.now() - started;
    if (i >= warmup) {
      direct.push(directMs);
      viaGateway.push(gatewayMs);
    }
  }
  const p50 = quantile(viaGateway, 0.5) - quantile(direct, 0.5);
  const p99 = quantile(viaGateway, 0.99) - quantile(direct, 0.99);
  return {
    engine,
    requests,
    directP50Ms: round(quantile(direct, 0.5)),
    directP99Ms: round(quantile(direct, 0.99)),
    gatewayP50Ms: round(quantile(viaGateway, 0.5)),
    gatewayP99Ms: round(quantile(viaGateway, 0.99)),
    p50Ms: round(p50),
    p99Ms: round(p99),
    target,
    met: p50 <= target.p50Ms && (target.p99Ms === undefined || p99 <= target.p99Ms),
  };
}
