import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { operationKindOf, SubgraphError, type SubgraphClient } from '@bff/kit/client';
import { ErrorCode } from '@bff/kit/core';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';

import type { GatewayContext } from '../gatewayContext';
import { subgraphFailureBody } from '../upstream/subgraphFailure';
import { GATEWAY_IDENTITY, identityOf } from '../upstream/subgraphFetch';

/**
 * An @apollo/gateway data source over the subgraph client: the caller comes from
 * the request's context (no private headers), and a failed call becomes errors
 * naming the subgraph, so the query planner returns the rest of the data.
 */
export class SubgraphDataSource implements GraphQLDataSource<GatewayContext> {
  constructor(
    private readonly url: string,
    private readonly client: SubgraphClient,
  ) {}

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const { query = '', variables, operationName } = options.request;
    const kind = operationKindOf(query);
    const identity = 'incomingRequestContext' in options ? identityOf(options.context) : GATEWAY_IDENTITY;
    const body = JSON.stringify({ query, variables, operationName });
    try {
      const answer = await this.client.request({ url: this.url, body, kind, identity });
      return JSON.parse(answer.text) as GatewayGraphQLResponse;
    } catch (error) {
      if (error instanceof SubgraphError) return subgraphFailureBody(error, { kind, identity });
      if (error instanceof SyntaxError) {
        // A subgraph answering something other than JSON is broken; the client gets the service's name only.
        return { errors: [{ message: `The ${this.client.subgraph} service is unavailable.`, extensions: { code: ErrorCode.SUBGRAPH_UNAVAILABLE, subgraph: this.client.subgraph } }] };
      }
      throw error;
    }
  }
}
