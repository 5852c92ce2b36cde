import { ApolloServer } from '@apollo/server';
import {
  type ApiGatewayHandler,
  baseServerOptions,
  createLambdaGraphQLHandler,
  createLogger,
  graphqlErrorBody,
} from '@bff/kit';

import { loadSupergraph } from './compose/loadSupergraph';
import { SchemaGateway } from './engines/schemaGateway';
import type { GatewayContext } from './gatewayContext';
import { buildStitchedSchema } from './engines/stitchEngine';
import type { SubgraphRegistry } from './registry/subgraphRegistry';

export interface GatewayOptions {
  registry: SubgraphRegistry;
}

/**
 * The gateway's Lambda handler: on the first request it reads the registry,
 * composes the supergraph and builds the engine's schema; until that succeeds,
 * each request tries again and is answered 503 with the reason logged.
 */
export function createGatewayHandler(options: GatewayOptions): ApiGatewayHandler {
  const logger = createLogger('gateway');
  let ready: Promise<ApiGatewayHandler> | undefined;

  async function start(): Promise<ApiGatewayHandler> {
    const supergraph = await loadSupergraph(options.registry);
    const schema = buildStitchedSchema(supergraph.supergraphSdl);
    logger.info('Supergraph composed', {
      registry: options.registry.source,
      subgraphs: supergraph.subgraphs,
      composeMs: Math.round(supergraph.composeMs * 10) / 10,
    });
    const gateway = new SchemaGateway(schema, supergraph.supergraphSdl);
    const server = new ApolloServer<GatewayContext>({ gateway, ...baseServerOptions<GatewayContext>(logger) });
    return createLambdaGraphQLHandler(server, logger, (base, event) => ({
      ...base,
      authorization: event.headers?.authorization,
    }));
  }

  return async (event, context) => {
    ready ??= start();
    let handle: ApiGatewayHandler;
    try {
      handle = await ready;
    } catch (error) {
      ready = undefined;
      logger.error('The gateway could not load its schema', { error: error as Error });
      return graphqlErrorBody(503, 'The gateway is not ready: its subgraphs could not be loaded.', 'GATEWAY_NOT_READY');
    }
    return handle(event, context);
  };
}
