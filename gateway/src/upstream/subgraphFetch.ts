import { type CallIdentity, operationKindOf, SubgraphError, type SubgraphClient } from '@bff/kit/client';

import type { GatewayContext } from '../gatewayContext';
import { subgraphFailureBody } from './subgraphFailure';

/** Who a call is made for when no request is behind it (loading a subgraph's SDL). */
export const GATEWAY_IDENTITY: CallIdentity = { caller: null, requestId: 'gateway', correlationId: 'gateway' };

/** The identity of the frontend request behind a subgraph call, from the execution context. */
export function identityOf(context: Partial<GatewayContext> | undefined): CallIdentity {
  if (!context?.requestId) return GATEWAY_IDENTITY;
  return {
    caller: context.caller ?? null,
    requestId: context.requestId,
    correlationId: context.correlationId ?? context.requestId,
    ...(context.sourceIp ? { sourceIp: context.sourceIp } : {}),
    ...(context.idempotencyKey ? { idempotencyKey: context.idempotencyKey } : {}),
  };
}

/** The fetch signature @graphql-tools/executor-http calls: the execution context comes third. */
export type ContextFetch = (url: string, init?: { body?: unknown }, context?: Partial<GatewayContext>) => Promise<Response>;

/**
 * A fetch over one subgraph client, for engines that speak fetch: the caller
 * comes from the execution context (no private headers), and a failed call
 * becomes a GraphQL answer naming the subgraph, so the engine returns partial data.
 */
export function subgraphFetch(client: SubgraphClient): ContextFetch {
  return async (url, init, context) => {
    const body = typeof init?.body === 'string' ? init.body : '';
    const kind = operationKindOf((JSON.parse(body) as { query?: string }).query ?? '');
    const identity = identityOf(context);
    try {
      const answer = await client.request({ url, body, kind, identity });
      return new Response(answer.text, { status: answer.status, headers: { 'content-type': answer.contentType } });
    } catch (error) {
      if (!(error instanceof SubgraphError)) throw error;
      return Response.json(subgraphFailureBody(error, { kind, identity }));
    }
  };
}
