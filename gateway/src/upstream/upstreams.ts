import type { Logger } from '@bff/kit';

import { createUpstreamFetch, type UpstreamFetch } from './upstreamFetch';
import { upstreamSettings } from './upstreamSettings';

/**
 * One upstream client per subgraph name, made on first use and kept across
 * schema reloads, so a subgraph's circuit breaker remembers it across them.
 */
export class Upstreams {
  private readonly bySubgraph = new Map<string, UpstreamFetch>();

  constructor(private readonly logger: Logger) {}

  for(subgraph: string): UpstreamFetch {
    let upstream = this.bySubgraph.get(subgraph);
    if (!upstream) {
      upstream = createUpstreamFetch(subgraph, upstreamSettings(subgraph), this.logger);
      this.bySubgraph.set(subgraph, upstream);
    }
    return upstream;
  }
}
