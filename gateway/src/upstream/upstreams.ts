import { DEFAULT_SUBGRAPH_CLIENT_SETTINGS, SubgraphClient, type SubgraphClientSettings } from '@bff/kit/client';
import type { Logger } from '@bff/kit/core';

import { envSuffix, type GatewaySettings } from '../settings';

/** How the gateway calls its subgraphs: the part of its settings the clients take. */
export type UpstreamSettings = Pick<GatewaySettings, 'upstream' | 'upstreamBySubgraph' | 'iamSigning'>;

const DEFAULTS: UpstreamSettings = { upstream: DEFAULT_SUBGRAPH_CLIENT_SETTINGS, upstreamBySubgraph: {}, iamSigning: false };

/**
 * One subgraph client per subgraph name, made on first use and kept across
 * schema reloads, so that a subgraph's breaker and queue outlive them.
 */
export class Upstreams {
  private readonly bySubgraph = new Map<string, SubgraphClient>();

  constructor(
    private readonly logger: Logger,
    private readonly settings: UpstreamSettings = DEFAULTS,
  ) {}

  for(subgraph: string): SubgraphClient {
    let client = this.bySubgraph.get(subgraph);
    if (!client) {
      client = new SubgraphClient({ subgraph, settings: this.settingsFor(subgraph), logger: this.logger, iamSigning: this.settings.iamSigning });
      this.bySubgraph.set(subgraph, client);
    }
    return client;
  }

  private settingsFor(subgraph: string): SubgraphClientSettings {
    return this.settings.upstreamBySubgraph[envSuffix(subgraph)] ?? this.settings.upstream;
  }
}
