import { SubgraphClient } from '@bff/kit/client';
import type { Logger, Secrets } from '@bff/kit/core';

import { envSuffix, type GatewaySettings } from '../settings';

/** How the gateway calls its subgraphs: the part of its settings the clients take, and the key calls are signed with. */
export interface UpstreamOptions extends Pick<GatewaySettings, 'upstream' | 'upstreamBySubgraph'> {
  runtime: Pick<GatewaySettings['runtime'], 'iamSigning' | 'awsRegion'>;
  secrets: Pick<Secrets, 'authSecrets'>;
}

/**
 * One subgraph client per subgraph name, made on first use and kept across
 * schema reloads, so that a subgraph's breaker and queue outlive them.
 */
export class Upstreams {
  private readonly bySubgraph = new Map<string, SubgraphClient>();

  constructor(
    private readonly logger: Logger,
    private readonly options: UpstreamOptions,
  ) {}

  for(subgraph: string): SubgraphClient {
    let client = this.bySubgraph.get(subgraph);
    if (!client) {
      const { runtime, secrets } = this.options;
      client = new SubgraphClient({
        subgraph,
        settings: this.options.upstreamBySubgraph[envSuffix(subgraph)] ?? this.options.upstream,
        logger: this.logger,
        iamSigning: runtime.iamSigning,
        ...(runtime.awsRegion === undefined ? {} : { awsRegion: runtime.awsRegion }),
        secrets,
      });
      this.bySubgraph.set(subgraph, client);
    }
    return client;
  }
}
