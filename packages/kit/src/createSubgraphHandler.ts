import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

import type { GraphQLResolverMap } from './apolloSubgraphInternals';
import { gatewaySignatureCheck } from './auth/gatewaySignatureCheck';
import type { Secrets } from './auth/secrets';
import { type ApiGatewayHandler, baseServerOptions, createLambdaGraphQLHandler } from './createLambdaGraphQLHandler';
import type { RuntimeSettings } from './env/runtimeEnv';
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
  /** The entry's parsed settings. */
  settings: RuntimeSettings;
  /** The entry's secrets: the gateway's signing key is checked with them. */
  secrets: Pick<Secrets, 'authSecrets'>;
}

/**
 * SDL + resolvers → federation subgraph schema (prepared at build time in a bundle) →
 * Apollo Server → API Gateway v2 Lambda handler that answers only calls the gateway signed.
 */
export function createSubgraphHandler<TContext extends RequestContext>(options: SubgraphOptions<TContext>): ApiGatewayHandler {
  const { settings, secrets } = options;
  const logger = createLogger(options.name);
  // The resolver map is not generic in the context type; our resolvers are typed against TContext.
  const ownResolvers = options.idempotency
    ? idempotentMutations(options.name, options.resolvers, options.idempotency, { secrets, dynamoEndpoint: settings.dynamoEndpoint })
    : options.resolvers;
  const schema = subgraphSchema(options.typeDefs, ownResolvers as GraphQLResolverMap<unknown>);
  const base = baseServerOptions<TContext>(logger, settings);
  const server = new ApolloServer<TContext>({
    schema,
    ...base,
    // Inline traces (ftv1) feed Apollo Studio, which this system does not use; they cost time per field.
    plugins: [...base.plugins, ApolloServerPluginInlineTraceDisabled()],
  });
  return createLambdaGraphQLHandler(server, logger, {
    identify: gatewaySignatureCheck({ secrets, logger }),
    buildContext: (context, event) => (options.context ? options.context(context, event) : (context as TContext)),
  });
}
