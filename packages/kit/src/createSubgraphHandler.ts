import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { parse } from 'graphql';

import type { Caller } from './auth/accessToken';
import { InternalSignatureError, readCaller } from './auth/readCaller';
import { type ApiGatewayHandler, baseServerOptions, createLambdaGraphQLHandler } from './createLambdaGraphQLHandler';
import { graphqlErrorBody } from './graphqlErrorBody';
import { createLogger } from './logger';
import type { RequestContext } from './requestContext';

export interface SubgraphOptions<TContext extends RequestContext> {
  /** The service name: the logger's serviceName and the subgraph's name in the registry. */
  name: string;
  /** The subgraph SDL (`schema.graphql`, with its federation `@link`). */
  typeDefs: string;
  resolvers: GraphQLResolverMap<TContext>;
  /** Adds per-request state (loaders, the caller) to the shared request context. */
  context?: (base: RequestContext, event: APIGatewayProxyEventV2) => TContext | Promise<TContext>;
}

/** SDL + resolvers → federation subgraph schema → Apollo Server → API Gateway v2 Lambda handler. */
export function createSubgraphHandler<TContext extends RequestContext>(
  options: SubgraphOptions<TContext>,
): ApiGatewayHandler {
  const logger = createLogger(options.name);
  // buildSubgraphSchema is not generic in the context type; our resolvers are typed against TContext.
  const resolvers = options.resolvers as GraphQLResolverMap<unknown>;
  const schema = buildSubgraphSchema({ typeDefs: parse(options.typeDefs), resolvers });
  const base = baseServerOptions<TContext>(logger);
  const server = new ApolloServer<TContext>({
    schema,
    ...base,
    // Inline traces (ftv1) feed Apollo Studio, which this system does not use; they cost time per field.
    plugins: [...base.plugins, ApolloServerPluginInlineTraceDisabled()],
  });
  // The caller each event's signature vouched for, handed from the check below to the context.
  const callers = new WeakMap<APIGatewayProxyEventV2, Caller | null>();
  const handle = createLambdaGraphQLHandler(server, logger, {
    identify: (event) => Promise.resolve(callers.get(event) ?? null),
    buildContext: options.context ?? ((base: RequestContext) => base as TContext),
  });
  return async (event, context) => {
    try {
      callers.set(event, await readCaller(event));
    } catch (error) {
      if (!(error instanceof InternalSignatureError)) throw error;
      // Every operation, `_service` and `_entities` included: only the gateway may call a subgraph.
      logger.warn('Refused a call without a valid gateway signature', {
        reason: error.message,
        sourceIp: event.requestContext.http.sourceIp,
      });
      return graphqlErrorBody(401, 'This service answers only calls signed by the gateway.', 'UNAUTHENTICATED');
    }
    return handle(event, context);
  };
}
