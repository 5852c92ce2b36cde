import './localLogLevel';
import { join, resolve } from 'node:path';

import { isDevelopment } from '@bff/kit';
import { PortInUseError, shutdownGraceMs } from '@bff/kit/local';

import { readGatewayConfig } from '@bff/gateway';

import { assertPortFree } from './assertPortFree';
import { DataDirBusyError, lockDataDir } from './dataDirLock';
import { DEMO_PASSWORD, demoData } from './demoData';
import { useDevSecrets } from './devSecrets';
import { type FrontendServer, localOrigins, startFrontendServer } from './frontendServer';
import { type LocalSystem, startLocalSystem } from './localSystem';
import { describeRepair } from './repair/describeRepair';

const EXAMPLE_QUERY =
  '{ articles(first: 5) { nodes { title author { name } commentCount comments(first: 3) { nodes { body author { name } } } } pageInfo { hasNextPage endCursor } } }';

/** Where Vite listens: the gateway's CORS settings allow this host's origins. */
const FRONTEND_HOST = '127.0.0.1';

/** A mistake in how `npm start` was run: one line, no stack trace, exit 1. */
class StartError extends Error {}

function portFromEnv(name: string, fallback: number): number {
  const raw = process.env[name] || String(fallback);
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65535) throw new StartError(`${name} must be a port number, got "${raw}"`);
  return port;
}

/**
 * Resolves with the first SIGINT or SIGTERM, from the moment it is called, so that
 * a Ctrl-C during start-up stops the system once it is up. A second signal calls
 * `onSecond`: the way out when the graceful stop takes too long.
 */
function firstStopSignal(onSecond: (signal: NodeJS.Signals) => void): Promise<NodeJS.Signals> {
  // Read now: a bad SHUTDOWN_GRACE_MS is reported at start, not thrown from a signal handler.
  const graceSeconds = shutdownGraceMs() / 1000;
  return new Promise((resolveSignal) => {
    let received = false;
    const listener = (signal: NodeJS.Signals) => {
      if (received) return onSecond(signal);
      received = true;
      console.log(`\n${signal}: stopping… (requests in flight get up to ${graceSeconds} s; press Ctrl-C again to stop at once)`);
      resolveSignal(signal);
    };
    process.on('SIGINT', listener);
    process.on('SIGTERM', listener);
  });
}

/** `npm start`: the whole system on this machine, until Ctrl-C. */
async function main(): Promise<void> {
  // It seeds demo accounts with a published password and makes its own secrets: never a production system.
  if (!isDevelopment()) {
    throw new StartError('npm start runs a local development system (demo accounts with a known password) and refuses NODE_ENV=production; deploy with npm run deploy');
  }
  const gatewayPort = portFromEnv('PORT', 4000);
  const frontendPort = portFromEnv('FRONTEND_PORT', 5173);
  // FRONTEND=off: the API alone, for load tests and for a frontend served some other way.
  const withFrontend = process.env.FRONTEND !== 'off';
  const dataDir = resolve(process.env.LOCAL_DATA_DIR || join(process.cwd(), '.local'));

  let unlock = () => {};
  const stopSignal = firstStopSignal(() => {
    console.error('Stopped at once: requests in flight were cut.');
    unlock();
    process.exit(1);
  });

  let system: LocalSystem;
  let frontend: FrontendServer | undefined;
  try {
    // Before anything starts: a busy frontend port would otherwise show only after the whole system is up.
    if (withFrontend) await assertPortFree(frontendPort, FRONTEND_HOST);
    unlock = lockDataDir(dataDir);
    await useDevSecrets(dataDir);
    // A restart with unchanged subgraphs serves the supergraph composed last time.
    process.env.SUPERGRAPH_CACHE_DIR ??= dataDir;
    // The gateway answers the frontend's origin (and any in CORS_ORIGINS), nothing else.
    const corsOrigins = [...readGatewayConfig().corsOrigins, ...(withFrontend ? localOrigins(frontendPort) : [])];
    system = await startLocalSystem({ dataDir, workDir: dataDir, gatewayPort, gatewayConfig: { corsOrigins } });
    try {
      if (withFrontend) {
        frontend = await startFrontendServer({ gatewayUrl: system.gatewayUrl, port: frontendPort, host: FRONTEND_HOST, repoRoot: process.cwd() });
      }
    } catch (error) {
      await system.close();
      throw error;
    }
  } catch (error) {
    unlock();
    if (error instanceof PortInUseError) {
      const variable = error.port === frontendPort ? 'FRONTEND_PORT' : 'PORT';
      throw new StartError(`Port ${error.port} is already in use: stop what uses it, or start on another port with ${variable}=${error.port + 1} npm start`, { cause: error });
    }
    if (error instanceof DataDirBusyError) throw new StartError(`${error.message} Stop it first (Ctrl-C in its terminal, or kill ${error.pid}).`, { cause: error });
    throw error;
  }

  const lines = [
    '',
    ...(frontend ? [`Frontend:  ${frontend.url}  ← open this`] : []),
    `Gateway:   ${system.gatewayUrl}  (GraphiQL when opened in a browser)`,
    ...system.subgraphs.map((subgraph) => `Subgraph:  ${subgraph.name.padEnd(9)} ${subgraph.url}`),
    `Store:     ${system.storeEndpoint} (data in ${dataDir}; ${system.seededItems ? `seeded ${system.seededItems} demo items` : 'demo data already there'})`,
    `Demo login: ${demoData().users[0]!.email} / ${DEMO_PASSWORD} (every demo account has this password)`,
    // Only when the start-up repair fixed something: a run before this one was stopped half-way.
    ...(system.repair && system.repair.deletionsFinished.length + system.repair.orphansRemoved.length + system.repair.countsFixed.length > 0
      ? describeRepair(system.repair).split('\n').map((line) => `Repaired:  ${line}`)
      : []),
    '',
    'Try it:',
    `  curl -s ${system.gatewayUrl} -H 'content-type: application/json' \\`,
    `    -d '${JSON.stringify({ query: EXAMPLE_QUERY })}'`,
    '',
    'Ctrl-C stops everything.',
  ];
  console.log(lines.join('\n'));

  await stopSignal;
  // A failure while stopping (e.g. a request's late write) is one line, not a stack trace.
  let failed = false;
  const report = (error: unknown) => {
    failed = true;
    console.error(`While stopping: ${error instanceof Error ? error.message : String(error)}`);
  };
  process.on('uncaughtException', report);
  process.on('unhandledRejection', report);
  // The servers stop taking requests, finish the ones in flight, then the store closes (see LocalSystem.close).
  await Promise.all([frontend?.close(), system.close()]).catch(report);
  unlock();
  console.log('Stopped.');
  process.exit(failed ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
