import { type ApolloServer, type ApolloServerOptions } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { startServerAndCreateLambdaHandler } from '@as-integrations/aws-lambda';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { GraphQLError } from 'graphql';

import { apiGatewayRequestHandler } from './apiGatewayRequestHandler';
import type { Caller } from './auth/accessToken';
import type { RuntimeSettings } from './env/runtimeEnv';
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
export function baseServerOptions<TContext extends RequestContext>(
  logger: Logger,
  { development }: Pick<RuntimeSettings, 'development'>,
) {
  return {
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: development,
    // "Did you mean …?" in validation errors would spell out the schema that introspection hides.
    hideSchemaDetailsFromClientErrors: !development,
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

/** What the identify step established about a request, before any GraphQL runs. */
export interface RequestIdentity {
  /** The signed-in user, or null for an anonymous request. */
  caller: Caller | null;
  /** Where the client is, when the step knows better than API Gateway (a subgraph: the address the gateway signed). */
  sourceIp?: string;
  /** The client's idempotency key, when the step vouches for one (a subgraph: the key the gateway signed). */
  idempotencyKey?: string;
}

export interface LambdaGraphQLOptions<TContext extends RequestContext> {
  /**
   * Who is calling: the gateway reads the Bearer token, a subgraph the gateway's
   * signature. A GraphQLError (or a DomainError, answered 401) refuses the request
   * before any of it runs.
   */
  identify: (event: APIGatewayProxyEventV2) => Promise<RequestIdentity>;
  /** Adds per-request state (loaders, headers to pass on) to the shared request context. */
  buildContext: (base: RequestContext, event: APIGatewayProxyEventV2) => TContext | Promise<TContext>;
}

/** Serves an Apollo Server as an API Gateway v2 Lambda handler with the shared request context. */
export function createLambdaGraphQLHandler<TContext extends RequestContext>(
  server: ApolloServer<TContext>,
  logger: Logger,
  { identify, buildContext }: LambdaGraphQLOptions<TContext>,
): ApiGatewayHandler {
  const handle = startServerAndCreateLambdaHandler(server, apiGatewayRequestHandler(), {
    context: async ({ event, context }) => {
      const identity = await identify(event).catch((error: unknown) => {
        // Thrown from here, only a GraphQLError keeps its code and status: anything else becomes a 500.
        if (error instanceof DomainError) {
          throw new GraphQLError(error.message, { extensions: { code: error.code, http: { status: 401 } } });
        }
        throw error;
      });
      const base = createRequestContext(logger, event, context, identity.caller, identity.sourceIp ?? event.requestContext.http.sourceIp);
      return buildContext(identity.idempotencyKey === undefined ? base : { ...base, idempotencyKey: identity.idempotencyKey }, event);
    },
  });
  return async (event, context) => (await handle(event, context, () => undefined)) ?? undefinedResult();
}

function undefinedResult(): never {
  throw new Error('The GraphQL handler returned no result');
}
