import type { GatewayInterface } from '@apollo/server-gateway-interface';

import type { Upstreams } from '../upstream/upstreams';

/** The engines that can serve a supergraph; one setting (GATEWAY_ENGINE) picks one. */
export const ENGINE_NAMES = ['stitch', 'apollo'] as const;
export type EngineName = (typeof ENGINE_NAMES)[number];

/**
 * An engine serving one supergraph through Apollo Server's gateway interface.
 * `update` swaps in a new supergraph: requests already running finish on the old one.
 */
export interface Engine {
  readonly name: EngineName;
  readonly gateway: GatewayInterface;
  update(supergraphSdl: string): void;
}

export interface EngineOptions {
  upstreams: Upstreams;
}
