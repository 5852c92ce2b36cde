import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

import { handler as articlesHandler } from '@bff/articles';
import { tableName as articlesTableName } from '@bff/articles/store';
import { articlesTable } from '@bff/articles/table';
import { handler as commentsHandler } from '@bff/comments';
import { tableName as commentsTableName } from '@bff/comments/store';
import { commentsTable } from '@bff/comments/table';
import { createGatewayHandler, type GatewayConfig, LocalFileRegistry, readGatewayConfig } from '@bff/gateway';
import { type ApiGatewayHandler, createLogger, idempotencyTable, idempotencyTableName, type TableDefinition, writeFileAtomic } from '@bff/kit';
import { type LocalLambdaServer, serveLambda, startLocalStoreWithTables } from '@bff/kit/local';
import { handler as usersHandler } from '@bff/users';
import { tableName as usersTableName } from '@bff/users/store';
import { usersTable } from '@bff/users/table';

import { type DemoData, demoData } from './demoData';
import { type RepairReport, repairStores } from './repair/repairStores';
import { seedDemoData } from './seedDemoData';

/** A subgraph of the local system: its Lambda handler and its table. */
interface LocalService {
  name: string;
  handler: ApiGatewayHandler;
  tableName: () => string;
  table: TableDefinition;
}

const SERVICES: LocalService[] = [
  { name: 'users', handler: usersHandler, tableName: usersTableName, table: usersTable },
  { name: 'articles', handler: articlesHandler, tableName: articlesTableName, table: articlesTable },
  { name: 'comments', handler: commentsHandler, tableName: commentsTableName, table: commentsTable },
];

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
  /** The gateway's port: 0 picks a free one. Subgraphs always get free ports. */
  gatewayPort?: number;
  host?: string;
  /** Demo data to seed once, or false for empty tables. */
  seed?: DemoData | false;
  /** Gateway settings; from the environment when absent (GATEWAY_ENGINE and the rest). */
  gatewayConfig?: Partial<GatewayConfig>;
  /** Wraps each subgraph's handler, e.g. to count the requests the gateway makes. */
  instrument?: (subgraph: string, handler: ApiGatewayHandler) => ApiGatewayHandler;
}

export interface LocalSystem {
  engine: GatewayConfig['engine'];
  gatewayUrl: string;
  subgraphs: { name: string; url: string }[];
  storeEndpoint: string;
  registryFile: string;
  /** Items the seed step wrote (0 when the store was seeded before). */
  seededItems: number;
  /** What the start-up repair found in a kept store (none for a store in memory). */
  repair: RepairReport | undefined;
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
  const closers: (() => Promise<void>)[] = [];
  let closeGateway = () => Promise.resolve();
  // The gateway first, so that its requests in flight finish while the subgraphs and the store still answer; then the rest, newest first.
  const close = async () => {
    await closeGateway().catch(() => undefined);
    for (const closeOne of closers.reverse()) await closeOne().catch(() => undefined);
  };
  try {
    // The gateway's port first: a busy one is reported before anything else starts. Requests that
    // arrive meanwhile wait until the registry below is written: the one left by a previous run
    // names ports that are gone (and its supergraph may be cached), so reading it would fail them.
    const registryDir = options.dataDir ?? options.workDir;
    const registryFile = join(registryDir, 'registry.json');
    const config = { ...readGatewayConfig(), ...options.gatewayConfig };
    const gatewayHandler = createGatewayHandler({ registry: new LocalFileRegistry(registryFile), config });
    let systemReady = () => {};
    const ready = new Promise<void>((resolve) => (systemReady = resolve));
    const gateway = await serveLambda(
      async (event, context) => {
        await ready;
        return gatewayHandler(event, context);
      },
      { name: 'gateway-local-graphql', port: options.gatewayPort ?? 0, host: options.host },
    );
    closeGateway = () => gateway.close();

    // The handlers read DYNAMODB_ENDPOINT: every service in this process shares the one store.
    const store = await startLocalStoreWithTables(
      SERVICES.flatMap((service) => [
        { tableName: service.tableName(), definition: service.table },
        // Each service's own idempotency table, named as its handler names it.
        { tableName: idempotencyTableName(service.name), definition: idempotencyTable },
      ]),
      options.dataDir ? { path: join(options.dataDir, 'dynamodb') } : {},
    );
    closers.push(() => store.close());

    const seed = options.seed === undefined ? demoData() : options.seed;
    const seeded = seed ? await seedDemoData(seed) : { items: 0 };
    // Before any service answers, the store is provably alone: a run stopped half-way (a kill, a
    // crash) left no count off and no deletion unfinished that this does not settle exactly.
    const repair = options.dataDir ? await repairStores({ settleAfterMs: 0, logger: createLogger('repair') }) : undefined;

    const subgraphs: { name: string; url: string }[] = [];
    const running = new Map<string, RunningSubgraph>();
    for (const service of SERVICES) {
      const handler = options.instrument ? options.instrument(service.name, service.handler) : service.handler;
      const serve = (port: number) => serveLambda(handler, { name: `${service.name}-local-graphql`, port, host: options.host });
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

    // Comments asks articles whether an article exists before it accepts a comment on it.
    process.env.ARTICLES_URL = subgraphs.find((subgraph) => subgraph.name === 'articles')?.url;
    // Articles has comments remove a deleted article's comments.
    process.env.COMMENTS_URL = subgraphs.find((subgraph) => subgraph.name === 'comments')?.url;

    await mkdir(registryDir, { recursive: true });
    // Atomic: a gateway reading it meanwhile sees the old registry or the new, never half of one.
    await writeFileAtomic(registryFile, `${JSON.stringify({ subgraphs }, null, 2)}\n`);
    systemReady();

    return {
      engine: config.engine,
      gatewayUrl: `${gateway.origin}/graphql`,
      subgraphs,
      storeEndpoint: store.endpoint,
      registryFile,
      seededItems: seeded.items,
      repair,
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
