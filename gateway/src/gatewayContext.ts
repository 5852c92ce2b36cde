import type { RequestContext } from '@bff/kit';

/** What the gateway keeps about a request while it fans out to the subgraphs. */
export interface GatewayContext extends RequestContext {
  /** The caller's Authorization header, passed on to the subgraphs. */
  authorization?: string;
}
