import { iamSigningEnabled, SubgraphClient } from '@bff/kit/client';
import type { Logger } from '@bff/kit/core';

import { upstreamSettings } from './upstreamSettings';

/**
 * One subgraph client per subgraph name, made on first use and kept across
 * schema reloads, so that a subgraph's breaker and queue outlive them.
 */
export class Upstreams {
  private readonly bySubgraph = new Map<string, SubgraphClient>();
  private readonly iamSigning = iamSigningEnabled();

  constructor(private readonly logger: Logger) {}

  for(subgraph: string): SubgraphClient {
    let client = this.bySubgraph.get(subgraph);
    if (!client) {
      client = new SubgraphClient({ subgraph, settings: upstreamSettings(subgraph), logger: this.logger, iamSigning: this.iamSigning });
      this.bySubgraph.set(subgraph, client);
    }
    return client;
  }
}
