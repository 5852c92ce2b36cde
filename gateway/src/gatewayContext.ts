import type { RequestContext } from '@bff/kit/core';

/**
 * What the gateway keeps about a request while it fans out to the subgraphs:
 * the caller (checked once, from the Bearer token) and the ids that follow it.
 */
export type GatewayContext = RequestContext;
