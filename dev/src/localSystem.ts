import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

import type { ArticleCleanupSweep } from '@bff/comments/articleCleanupSweep';
import { createGatewayHandler, type GatewaySettings, LocalFileRegistry, readGatewaySettings } from '@bff/gateway';
import { SERVICES, type ServiceName } from '@bff/kit/catalogue';
import { type ApiGatewayHandler, type Env, issueAccessToken, parseEnv, readRuntimeSettings, Secrets, writeFileAtomic } from '@bff/kit/core';
import { localEnvSchema, type LocalLambdaServer, serveLambda, startLocalStoreWithTables } from '@bff/kit/local';
import { documentClient } from '@bff/kit/subgraph';

import { type DeferredHandler, deferredHandler } from './deferredHandler';
import { type DemoData, demoData } from './demoData';
import { LOCAL_SERVICES, type LocalStores, localTableNames } from './localServices';
import { type RepairReport, repairStores } from './repair/repairStores';
import { seedDemoData } from './seedDemoData';

/** A subgraph's server, absent while it is stopped, and how to serve it again on its port. */
interface RunningSubgraph {
  serve: (port: number) => Promise<LocalLambdaServer>;
  port: number;
  server: LocalLambdaServer | undefined;
}

export interface LocalSystemOptions {
  /** Folder for the store's data and the registry file; in memory and a temp registry when absent. */
  dataDir?: string;
  /** Folder for the registry file when there is no dataDir. */
  workDir: string;
  /**
   * The variables the services and the gateway are configured from, as a deployment
   * sets them (`npm start` passes its own environment); none by default. The store's
   * endpoint and the services' URLs are the local system's own, whatever this says.
   */
  env?: Env;
  /** The gateway's port: 0 picks a free one. Subgraphs always get free ports. */
  gatewayPort?: number;
  host?: string;
  /** Demo data to seed once, or false for empty tables. */
  seed?: DemoData | false;
  /** Gateway settings over those `env` gives (GATEWAY_ENGINE and the rest). */
  gatewaySettings?: Partial<GatewaySettings>;
  /** The comments service's sweep for deleted articles' comments, for a test to drive; its own by default. */
  cleanupSweep?: ArticleCleanupSweep;
  /** Wraps each subgraph's handler, e.g. to count the requests the gateway makes. */
  instrument?: (subgraph: string, handler: ApiGatewayHandler) => ApiGatewayHandler;
}

export interface LocalSystem {
  engine: GatewaySettings['engine'];
  gatewayUrl: string;
  subgraphs: { name: string; url: string }[];
  storeEndpoint: string;
  /** The store's client, which every service here shares, and each service's table. */
  stores: LocalStores;
  registryFile: string;
  /** Items the seed step wrote (0 when the store was seeded before). */
  seededItems: number;
  /** What the start-up repair found in a kept store (none for a store in memory). */
  repair: RepairReport | undefined;
  /** An access token for this user, as the users service issues them at login. */
  accessToken(userId: string): Promise<string>;
  /**
   * Closes one subgraph's server, cutting its in-flight requests and connections,
   * as a crashed or unreachable service would. Stopping a stopped one does nothing.
   */
  stopSubgraph(name: string): Promise<void>;
  /** Serves a stopped subgraph again on its old port, so the registry stays right. Starting a running one does nothing. */
  startSubgraph(name: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts the whole system in this process: the local store, the tables, the demo
 * data, each subgraph through its real Lambda handler on the local adapter, the
 * registry file, and the gateway through its handler. Closing stops all of it.
 */
export async function startLocalSystem(options: LocalSystemOptions): Promise<LocalSystem> {
  const env = options.env ?? {};
  const closers: (() => Promise<void>)[] = [];
  let closeGateway = () => Promise.resolve();
  // The gateway first, so that its requests in flight finish while the subgraphs and the store still answer; then the rest, newest first.
  const close = async () => {
    await closeGateway().catch(() => undefined);
    for (const closeOne of closers.reverse()) await closeOne().catch(() => undefined);
  };
  try {
    // How long requests in flight may finish when the system stops: every server's and the store's grace.
    const { SHUTDOWN_GRACE_MS: shutdownGraceMs } = parseEnv(localEnvSchema, env);
    // The gateway's port first: a busy one is reported before anything else starts. Requests that
    // arrive meanwhile wait until the registry below is written: the one left by a previous run
    // names ports that are gone (and its supergraph may be cached), so reading it would fail them.
    const registryDir = options.dataDir ?? options.workDir;
    const registryFile = join(registryDir, 'registry.json');
    // The registry is the file written below, wherever REGISTRY_FILE or REGISTRY_SSM_PREFIX point.
    const { registry: _elsewhere, ...fromEnv } = readGatewaySettings(env);
    const gatewaySettings: GatewaySettings = { ...fromEnv, ...options.gatewaySettings };
    const gatewayHandler = deferredHandler();
    const gateway = await serveLambda(gatewayHandler.handler, { name: 'gateway-local-graphql', port: options.gatewayPort ?? 0, host: options.host, shutdownGraceMs });
    closeGateway = () => gateway.close();

    // Every service in this process shares the one store, and one client of it. (Naming the tables
    // parses each service's settings: a wrong variable is reported before anything is written.)
    const store = await startLocalStoreWithTables(
      LOCAL_SERVICES.flatMap((service) => service.tables(env)),
      { shutdownGraceMs, ...(options.dataDir ? { path: join(options.dataDir, 'dynamodb') } : {}) },
    );
    closers.push(() => store.close());
    // The process's client for this store (the kit keeps one per process, as a warm Lambda does): the bench counts its calls.
    const client = documentClient({ dynamoEndpoint: store.endpoint });
    const stores: LocalStores = { client, tables: localTableNames(env) };

    const seed = options.seed === undefined ? demoData() : options.seed;
    const seeded = seed ? await seedDemoData(seed, stores) : { items: 0 };
    // Before any service answers, the store is provably alone: a run stopped half-way (a kill, a
    // crash) left no count off and no deletion unfinished that this does not settle exactly.
    const repair = options.dataDir ? await repairStores(stores, { settleAfterMs: 0 }) : undefined;

    // Each subgraph is served first and made once every port is known: its settings hold the URLs of the services it calls.
    const subgraphs: { name: ServiceName; url: string }[] = [];
    const running = new Map<string, RunningSubgraph>();
    const handlers = new Map<ServiceName, DeferredHandler>();
    for (const service of LOCAL_SERVICES) {
      const deferred = deferredHandler();
      handlers.set(service.name, deferred);
      const handler = options.instrument ? options.instrument(service.name, deferred.handler) : deferred.handler;
      const serve = (port: number) => serveLambda(handler, { name: `${service.name}-local-graphql`, port, host: options.host, shutdownGraceMs });
      const server = await serve(0);
      const subgraph: RunningSubgraph = { serve, port: server.port, server };
      running.set(service.name, subgraph);
      // Closes whichever server is up when the system stops: the first one, one started again, or none.
      closers.push(async () => subgraph.server?.close());
      subgraphs.push({ name: service.name, url: `${server.origin}/graphql` });
    }
    const subgraphNamed = (name: string): RunningSubgraph => {
      const subgraph = running.get(name);
      if (!subgraph) throw new Error(`No subgraph "${name}"; the subgraphs are ${[...running.keys()].join(', ')}`);
      return subgraph;
    };

    // What a deployment would set, and what only this system knows: its store, and each service's URL for its callers.
    const servicesEnv: Env = {
      ...env,
      DYNAMODB_ENDPOINT: store.endpoint,
      ...Object.fromEntries(subgraphs.map(({ name, url }) => [SERVICES[name].urlEnv, url])),
    };
    const deps = { client, ...(options.cleanupSweep ? { cleanupSweep: options.cleanupSweep } : {}) };
    for (const service of LOCAL_SERVICES) handlers.get(service.name)!.resolve(service.handler(servicesEnv, deps));

    await mkdir(registryDir, { recursive: true });
    // Atomic: a gateway reading it meanwhile sees the old registry or the new, never half of one.
    await writeFileAtomic(registryFile, `${JSON.stringify({ subgraphs }, null, 2)}\n`);
    gatewayHandler.resolve(createGatewayHandler({ registry: new LocalFileRegistry(registryFile), settings: gatewaySettings }));

    // Signed with the keys the services read: those `env` names, or the ones made for this process.
    const runtime = readRuntimeSettings(env);
    const secrets = new Secrets(runtime.secrets);

    return {
      engine: gatewaySettings.engine,
      gatewayUrl: `${gateway.origin}/graphql`,
      subgraphs,
      storeEndpoint: store.endpoint,
      stores,
      registryFile,
      seededItems: seeded.items,
      repair,
      accessToken: (userId) => issueAccessToken(userId, { secrets, ttlSeconds: runtime.accessTokenTtlSeconds }),
      async stopSubgraph(name) {
        const subgraph = subgraphNamed(name);
        const server = subgraph.server;
        subgraph.server = undefined;
        // At once, as a crash would: its in-flight requests are cut, not finished.
        await server?.close(0);
      },
      async startSubgraph(name) {
        const subgraph = subgraphNamed(name);
        if (subgraph.server) return;
        // The same port: the registry and the gateway's (and comments') URLs stay valid.
        subgraph.server = await subgraph.serve(subgraph.port);
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
