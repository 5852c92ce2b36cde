import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import {
  type ApiGatewayHandler,
  baseServerOptions,
  callerFromBearerToken,
  createLambdaGraphQLHandler,
  createLogger,
  graphqlErrorBody,
  idempotencyKeyOf,
} from '@bff/kit/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

import { SupergraphSource } from './compose/supergraphSource';
import { admissionControl, NotAdmittedError } from './edge/admissionControl';
import { corsHeaders, preflightResponse } from './edge/cors';
import { demandControlPlugin } from './edge/demandControl';
import { ideResponse, wantsIde } from './edge/graphqlIde';
import { queryLimits } from './edge/queryLimits';
import { loadTrustedDocuments, trustedDocumentsPlugin } from './edge/trustedDocuments';
import { createEngine } from './engines/createEngine';
import type { Engine } from './engines/engine';
import type { GatewayContext } from './gatewayContext';
import type { SubgraphRegistry } from './registry/subgraphRegistry';
import { DEFAULT_GATEWAY_SETTINGS, type GatewaySettings } from './settings';
import { Upstreams } from './upstream/upstreams';

export interface GatewayOptions {
  registry: SubgraphRegistry;
  /** Parsed settings (see `readGatewaySettings`); any left out take their default. */
  settings?: Partial<GatewaySettings>;
  /** @deprecated Until gateway/test/conformance passes `settings`: read as `settings`. */
  config?: Partial<GatewaySettings>;
  /** @deprecated Until gateway/test/conformance passes `settings`: read as `settings`. */
  sourceSettings?: Pick<Partial<GatewaySettings>, 'pollIntervalMs' | 'cacheDir'>;
}

/** A gateway handler with the engine it serves, for tests and tools that look inside. */
export interface GatewayHandler extends ApiGatewayHandler {
  engine(): Promise<Engine>;
}

function bodyBytes(event: APIGatewayProxyEventV2): number {
  if (!event.body) return 0;
  return event.isBase64Encoded ? Buffer.byteLength(event.body, 'base64') : Buffer.byteLength(event.body);
}

/**
 * The gateway's Lambda handler. On the first request it reads the registry,
 * composes the supergraph and starts the configured engine behind Apollo Server;
 * until that succeeds, each request tries again and is answered 503. Later
 * requests let the registry be looked at again once the poll interval has passed
 * (in the background, never delaying them); a new supergraph is swapped in only
 * when it composes and builds, and requests already running finish on the old one.
 * Before GraphQL: CORS preflights, the IDE page (outside production) and the body size limit. In GraphQL: the
 * caller's token checked once, query limits, trusted documents, masked errors.
 */
export function createGatewayHandler(options: GatewayOptions): GatewayHandler {
  const config: GatewaySettings = { ...DEFAULT_GATEWAY_SETTINGS, ...options.config, ...options.sourceSettings, ...options.settings };
  const logger = createLogger('gateway');
  const upstreams = new Upstreams(logger, config);
  const { pollIntervalMs, cacheDir } = config;
  const source = new SupergraphSource({ registry: options.registry, upstreams, pollIntervalMs, ...(cacheDir ? { cacheDir } : {}), logger });
  let ready: Promise<{ handle: ApiGatewayHandler; engine: Engine }> | undefined;
  const admit = admissionControl(config.admission);

  async function start() {
    const supergraph = await source.current();
    const engine = await createEngine(config.engine, supergraph.supergraphSdl, { upstreams }, logger);
    // A supergraph the engine cannot build throws here, and the source keeps the last good one.
    source.onUpdate((next) => engine.update(next.supergraphSdl));
    logger.info('Gateway ready', {
      engine: engine.name,
      registry: options.registry.source,
      subgraphs: supergraph.subgraphs,
      origin: supergraph.origin,
      composeMs: Math.round(supergraph.composeMs * 10) / 10,
    });
    const base = baseServerOptions<GatewayContext>(logger);
    const trusted = config.trustedDocumentsFile ? loadTrustedDocuments(config.trustedDocumentsFile) : undefined;
    const server = new ApolloServer<GatewayContext>({
      gateway: engine.gateway,
      ...base,
      validationRules: queryLimits(config),
      plugins: [
        ...base.plugins,
        ...(trusted && config.enforceTrustedDocuments ? [trustedDocumentsPlugin<GatewayContext>(trusted)] : []),
        demandControlPlugin<GatewayContext>(config.maxQueryCost),
        // Otherwise Apollo Server loads the inline-trace plugin and its protobuf at every start,
        // only to find that the gateway's schema is no subgraph: Apollo Studio is not used here.
        ApolloServerPluginInlineTraceDisabled(),
      ],
    });
    const handle = createLambdaGraphQLHandler(server, logger, {
      identify: callerFromBearerToken,
      // The frontend's Idempotency-Key (a malformed one is refused here, before any subgraph is called).
      buildContext: (context, event) => {
        const idempotencyKey = idempotencyKeyOf(event);
        return idempotencyKey === undefined ? context : { ...context, idempotencyKey };
      },
    });
    return { handle, engine };
  }

  function loaded() {
    ready ??= start().catch((error: unknown) => {
      ready = undefined;
      throw error;
    });
    return ready;
  }

  const handler = async (event: APIGatewayProxyEventV2, context: Parameters<ApiGatewayHandler>[1]) => {
    if (event.requestContext.http.method === 'OPTIONS') return preflightResponse(config.corsOrigins, event);
    if (config.ide && wantsIde(event)) return ideResponse(event.rawPath);
    const cors = corsHeaders(config.corsOrigins, event);
    if (bodyBytes(event) > config.maxBodyBytes) {
      const tooLarge = graphqlErrorBody(413, `The request body is larger than ${config.maxBodyBytes} bytes.`, 'PAYLOAD_TOO_LARGE');
      return { ...tooLarge, headers: { ...tooLarge.headers, ...cors } };
    }
    let handle: ApiGatewayHandler;
    try {
      handle = (await loaded()).handle;
    } catch {
      // The supergraph source has logged why.
      const notReady = graphqlErrorBody(503, 'The gateway is not ready: its subgraphs could not be loaded.', 'GATEWAY_NOT_READY');
      return { ...notReady, headers: { ...notReady.headers, ...cors } };
    }
    void source.refreshIfDue();
    let result;
    try {
      result = await admit(() => handle(event, context));
    } catch (error) {
      if (!(error instanceof NotAdmittedError)) throw error;
      // Turned away before it started: nothing was done, so a mutation may simply be sent again.
      const busy = graphqlErrorBody(503, 'The gateway is busy: try again in a moment.', 'GATEWAY_OVERLOADED', { outcome: 'not_applied' });
      logger.warn('Request not admitted', { reason: error.reason });
      return { ...busy, headers: { ...busy.headers, ...cors, 'retry-after': '1' } };
    }
    return { ...result, headers: { ...result.headers, ...cors } };
  };
  return Object.assign(handler, { engine: async () => (await loaded()).engine });
}
