import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { type ApiGatewayHandler, baseServerOptions, createLambdaGraphQLHandler, createLogger, type Logger, Secrets } from '@bff/kit/core';

import { SupergraphSource } from './compose/supergraphSource';
import { createEngine } from './engines/createEngine';
import type { Engine } from './engines/engine';
import type { GatewayContext } from './gatewayContext';
import { admissionControl } from './plugins/admissionControl';
import { bodyLimit } from './plugins/bodyLimit';
import { cors } from './plugins/cors';
import { demandControl } from './plugins/demandControl';
import { type GatewayPlugin, throughPlugins } from './plugins/gatewayPlugin';
import { graphqlIde } from './plugins/graphqlIde';
import { idempotencyKey } from './plugins/idempotencyKey';
import { identity } from './plugins/identity';
import { queryLimits } from './plugins/queryLimits';
import { readiness } from './plugins/readiness';
import { trustedDocuments } from './plugins/trustedDocuments';
import type { SubgraphRegistry } from './registry/subgraphRegistry';
import { DEFAULT_GATEWAY_SETTINGS, type GatewaySettings } from './settings';
import { Upstreams } from './upstream/upstreams';

export interface GatewayOptions {
  registry: SubgraphRegistry;
  /** Parsed settings (see `readGatewaySettings`); any left out take their default. */
  settings?: Partial<GatewaySettings>;
  /** The JWT and internal signing keys; read as `settings.runtime.secrets` say by default. */
  secrets?: Secrets;
}

/** A gateway handler with the engine it serves, for tests and tools that look inside. */
export interface GatewayHandler extends ApiGatewayHandler {
  engine(): Promise<Engine>;
}

/**
 * The gateway's features, in the order a request meets them (see `GatewayPlugin`):
 * at the HTTP level the IDE page, CORS, the body limit, readiness and admission;
 * in GraphQL the caller's token checked once, the Idempotency-Key, query limits,
 * trusted documents and demand control.
 */
function gatewayPlugins(settings: GatewaySettings, secrets: Secrets, whenReady: () => Promise<unknown>, logger: Logger): GatewayPlugin[] {
  return [
    graphqlIde(settings.ide),
    cors(settings.corsOrigins),
    bodyLimit(settings.maxBodyBytes),
    readiness(whenReady),
    admissionControl(settings.admission, logger),
    identity(secrets),
    idempotencyKey(),
    queryLimits(settings),
    trustedDocuments({ file: settings.trustedDocumentsFile, enforce: settings.enforceTrustedDocuments }),
    demandControl(settings.maxQueryCost),
  ];
}

/**
 * The gateway's Lambda handler. On the first request it reads the registry,
 * composes the supergraph and starts the configured engine behind Apollo Server;
 * until that succeeds, each request tries again and is answered 503. Later
 * requests let the registry be looked at again once the poll interval has passed
 * (in the background, never delaying them); a new supergraph is swapped in only
 * when it composes and builds, and requests already running finish on the old one.
 */
export function createGatewayHandler(options: GatewayOptions): GatewayHandler {
  const settings: GatewaySettings = { ...DEFAULT_GATEWAY_SETTINGS, ...options.settings };
  const secrets = options.secrets ?? new Secrets(settings.runtime.secrets);
  const logger = createLogger('gateway');
  const upstreams = new Upstreams(logger, { ...settings, secrets });
  const { registry } = options;
  const source = new SupergraphSource({
    registry,
    upstreams,
    pollIntervalMs: settings.pollIntervalMs,
    ...(settings.cacheDir ? { cacheDir: settings.cacheDir } : {}),
    logger,
  });
  let ready: Promise<{ handle: ApiGatewayHandler; engine: Engine }> | undefined;
  const plugins = gatewayPlugins(
    settings,
    secrets,
    async () => {
      await loaded();
      void source.refreshIfDue();
    },
    logger,
  );

  async function start() {
    const supergraph = await source.current();
    const engine = await createEngine(settings.engine, supergraph.supergraphSdl, { upstreams }, logger);
    // A supergraph the engine cannot build throws here, and the source keeps the last good one.
    source.onUpdate((next) => engine.update(next.supergraphSdl));
    logger.info('Gateway ready', {
      engine: engine.name,
      registry: registry.source,
      subgraphs: supergraph.subgraphs,
      origin: supergraph.origin,
      composeMs: Math.round(supergraph.composeMs * 10) / 10,
    });
    const base = baseServerOptions<GatewayContext>(logger, settings.runtime);
    const server = new ApolloServer<GatewayContext>({
      gateway: engine.gateway,
      ...base,
      validationRules: plugins.flatMap((plugin) => plugin.validationRules ?? []),
      plugins: [
        ...base.plugins,
        ...plugins.flatMap((plugin) => (plugin.apollo ? [plugin.apollo] : [])),
        // Otherwise Apollo Server loads the inline-trace plugin and its protobuf at every start,
        // only to find that the gateway's schema is no subgraph: Apollo Studio is not used here.
        ApolloServerPluginInlineTraceDisabled(),
      ],
    });
    const identifying = plugins.find((plugin) => plugin.identify !== undefined);
    const handle = createLambdaGraphQLHandler(server, logger, {
      identify: (event) => (identifying?.identify ? identifying.identify(event) : Promise.resolve({ caller: null })),
      buildContext: (context, event) => plugins.reduce((built, plugin) => plugin.context?.(built, event) ?? built, context),
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

  const handler: ApiGatewayHandler = (event, context) => throughPlugins(plugins, event, async () => (await loaded()).handle(event, context));
  return Object.assign(handler, { engine: async () => (await loaded()).engine });
}
