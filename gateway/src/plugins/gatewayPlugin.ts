import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestIdentity } from '@bff/kit/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { ValidationRule } from 'graphql';

import type { GatewayContext } from '../gatewayContext';

export type GatewayEvent = APIGatewayProxyEventV2;
export type GatewayResult = APIGatewayProxyStructuredResultV2;

/** The rest of the way: the plugins after this one, then GraphQL. */
export type NextStep = () => Promise<GatewayResult>;

/**
 * One gateway feature, as a small object of hooks; `createGatewayHandler` runs a
 * list of them. Every hook is optional: a feature uses the ones it needs.
 */
export interface GatewayPlugin {
  /** For logs and tests. */
  readonly name: string;
  /**
   * HTTP level, before any GraphQL: answer the event alone (not calling `next`),
   * or pass it on and return, or change, what comes back. Plugins run in list order,
   * each around the ones after it, so an answer passes back through the earlier ones.
   */
  onEvent?(event: GatewayEvent, next: NextStep): Promise<GatewayResult>;
  /**
   * Who is calling. A DomainError (answered 401) or GraphQLError refuses the
   * request before any of it runs. At most one plugin identifies.
   */
  identify?(event: GatewayEvent): Promise<RequestIdentity>;
  /** Adds per-request state to the execution context; the subgraph calls read it from there. */
  context?(context: GatewayContext, event: GatewayEvent): GatewayContext;
  /** Validation rules run with GraphQL's own, before execution. */
  validationRules?: readonly ValidationRule[];
  /** Hooks into Apollo Server's request pipeline, from the request's start (before parsing) to its answer. */
  apollo?: ApolloServerPlugin<GatewayContext>;
}

/** Runs `event` through each plugin's `onEvent`, in list order, and then `last`. */
export function throughPlugins(plugins: readonly GatewayPlugin[], event: GatewayEvent, last: NextStep): Promise<GatewayResult> {
  // Per request: walks the list as it is, skipping plugins without the hook, rather than building a new one.
  const step = (from: number): Promise<GatewayResult> => {
    for (let index = from; index < plugins.length; index++) {
      const plugin = plugins[index];
      if (plugin?.onEvent) return plugin.onEvent(event, () => step(index + 1));
    }
    return last();
  };
  return step(0);
}
