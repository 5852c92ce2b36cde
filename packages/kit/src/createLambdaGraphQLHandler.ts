import { type ApolloServer, type ApolloServerOptions } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { startServerAndCreateLambdaHandler } from '@as-integrations/aws-lambda';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { GraphQLError } from 'graphql';

import { apiGatewayRequestHandler } from './apiGatewayRequestHandler';
import type { Caller } from './auth/accessToken';
import { isDevelopment } from './config';
import { DomainError } from './errors';
import { errorLoggingPlugin } from './errorLoggingPlugin';
import { formatError } from './formatError';
import type { Logger } from './logger';
import { createRequestContext, type RequestContext } from './requestContext';

/** An API Gateway HTTP API (payload 2.0) Lambda handler: what every part of the system exports. */
export type ApiGatewayHandler = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<APIGatewayProxyStructuredResultV2>;

/**
 * Apollo Server settings that every part shares: masked errors with request ids,
 * no stack traces, introspection and schema hints only outside production, no CDN landing page.
 */
export function baseServerOptions<TContext extends RequestContext>(logger: Logger) {
  return {
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: isDevelopment(),
    // "Did you mean …?" in validation errors would spell out the schema that introspection hides.
    hideSchemaDetailsFromClientErrors: !isDevelopment(),
    logger: {
      debug: (message: string) => logger.debug(message),
      info: (message: string) => logger.info(message),
      warn: (message: string) => logger.warn(message),
      error: (message: string) => logger.error(message),
    },
    // No cache-control plugin: nothing here reads cache hints (no CDN, no response cache), and it
    // instruments every field it resolves, which on the gateway's stitched schema is thousands per answer.
    plugins: [errorLoggingPlugin<TContext>(), ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled()],
  } satisfies Partial<ApolloServerOptions<TContext>>;
}

export interface LambdaGraphQLOptions<TContext extends RequestContext> {
  /** Who is calling: the gateway reads the Bearer token, a subgraph the gateway's signature. */
  identify: (event: APIGatewayProxyEventV2) => Promise<Caller | null>;
  /** Where the client is: API Gateway's sourceIp unless given (a subgraph takes the gateway's signed one). */
  sourceIp?: (event: APIGatewayProxyEventV2) => string;
  /** Adds per-request state (loaders, headers to pass on) to the shared request context. */
  buildContext: (base: RequestContext, event: APIGatewayProxyEventV2) => TContext | Promise<TContext>;
}

/** Serves an Apollo Server as an API Gateway v2 Lambda handler with the shared request context. */
export function createLambdaGraphQLHandler<TContext extends RequestContext>(
  server: ApolloServer<TContext>,
  logger: Logger,
  { identify, sourceIp = (event) => event.requestContext.http.sourceIp, buildContext }: LambdaGraphQLOptions<TContext>,
): ApiGatewayHandler {
  const handle = startServerAndCreateLambdaHandler(server, apiGatewayRequestHandler(), {
    context: async ({ event, context }) => {
      const caller = await identify(event).catch((error: unknown) => {
        // Thrown from here, only a GraphQLError keeps its code and status: anything else becomes a 500.
        if (error instanceof DomainError) {
          throw new GraphQLError(error.message, { extensions: { code: error.code, http: { status: 401 } } });
        }
        throw error;
      });
      return buildContext(createRequestContext(logger, event, context, caller, sourceIp(event)), event);
    },
  });
  return async (event, context) => (await handle(event, context, () => undefined)) ?? undefinedResult();
}

function undefinedResult(): never {
  throw new Error('The GraphQL handler returned no result');
}
