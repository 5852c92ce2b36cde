import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

import type { InternalCall } from './auth/internalSignature';
import { ErrorCode } from './catalogue/errorCodes';
import { InternalSignatureError, readInternalCall } from './auth/readInternalCall';
import { type ApiGatewayHandler, baseServerOptions, createLambdaGraphQLHandler } from './createLambdaGraphQLHandler';
import { graphqlErrorBody } from './graphqlErrorBody';
import { type IdempotencyOptions, idempotentMutations } from './idempotency/idempotentMutations';
import { createLogger } from './logger';
import type { RequestContext } from './requestContext';
import { subgraphSchema } from './subgraphSchema';

export interface SubgraphOptions<TContext extends RequestContext> {
  /** The service name: the logger's serviceName and the subgraph's name in the registry. */
  name: string;
  /** The subgraph SDL (`schema.graphql`, with its federation `@link`). */
  typeDefs: string;
  resolvers: GraphQLResolverMap<TContext>;
  /** Adds per-request state (loaders, the caller) to the shared request context. */
  context?: (base: RequestContext, event: APIGatewayProxyEventV2) => TContext | Promise<TContext>;
  /**
   * Makes every mutation idempotent: a request that carries an idempotency key
   * (signed by the gateway) runs once per key, and its repeats get the first result.
   */
  idempotency?: IdempotencyOptions;
}

/** SDL + resolvers → federation subgraph schema (prepared at build time in a bundle) → Apollo Server → API Gateway v2 Lambda handler. */
export function createSubgraphHandler<TContext extends RequestContext>(
  options: SubgraphOptions<TContext>,
): ApiGatewayHandler {
  const logger = createLogger(options.name);
  // The resolver map is not generic in the context type; our resolvers are typed against TContext.
  const ownResolvers = options.idempotency ? idempotentMutations(options.name, options.resolvers, options.idempotency) : options.resolvers;
  const schema = subgraphSchema(options.typeDefs, ownResolvers as GraphQLResolverMap<unknown>);
  const base = baseServerOptions<TContext>(logger);
  const server = new ApolloServer<TContext>({
    schema,
    ...base,
    // Inline traces (ftv1) feed Apollo Studio, which this system does not use; they cost time per field.
    plugins: [...base.plugins, ApolloServerPluginInlineTraceDisabled()],
  });
  // The call each event's signature vouched for, handed from the check below to the context.
  const calls = new WeakMap<APIGatewayProxyEventV2, InternalCall>();
  const handle = createLambdaGraphQLHandler(server, logger, {
    identify: (event) => Promise.resolve(calls.get(event)?.caller ?? null),
    // A signer that knows the client (the gateway) signs its address; a service calling another does not.
    sourceIp: (event) => calls.get(event)?.sourceIp ?? event.requestContext.http.sourceIp,
    buildContext: (base, event) => {
      // The key the gateway signed, never a header of the request: only the gateway decides it.
      const idempotencyKey = calls.get(event)?.idempotencyKey;
      const withKey: RequestContext = idempotencyKey === undefined ? base : { ...base, idempotencyKey };
      return options.context ? options.context(withKey, event) : (withKey as TContext);
    },
  });
  return async (event, context) => {
    try {
      calls.set(event, await readInternalCall(event));
    } catch (error) {
      if (!(error instanceof InternalSignatureError)) throw error;
      // Every operation, `_service` and `_entities` included: only the gateway may call a subgraph.
      logger.warn('Refused a call without a valid gateway signature', {
        reason: error.message,
        sourceIp: event.requestContext.http.sourceIp,
      });
      return graphqlErrorBody(401, 'This service answers only calls signed by the gateway.', ErrorCode.UNAUTHENTICATED);
    }
    try {
      return await handle(event, context);
    } finally {
      calls.delete(event);
    }
  };
}
