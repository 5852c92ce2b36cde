import './localLogLevel';
import { join, resolve } from 'node:path';

import { readGatewaySettings } from '@bff/gateway';
import { type Env, parseEnv } from '@bff/kit/core';
import { PortInUseError } from '@bff/kit/local';

import { assertPortFree } from './assertPortFree';
import { DataDirBusyError, lockDataDir } from './dataDirLock';
import { DEMO_PASSWORD, demoData } from './demoData';
import { devSecrets } from './devSecrets';
import { type FrontendServer, localOrigins, startFrontendServer } from './frontendServer';
import { type LocalSystem, startLocalSystem } from './localSystem';
import { describeRepair, fixedCount } from './repair/describeRepair';
import { startEnvSchema } from './startSettings';

const EXAMPLE_QUERY =
  '{ articles(first: 5) { nodes { title author { name } commentCount comments(first: 3) { nodes { body author { name } } } } pageInfo { hasNextPage endCursor } } }';

/** Where Vite listens: the gateway's CORS settings allow this host's origins. */
const FRONTEND_HOST = '127.0.0.1';

/** A mistake in how `npm start` was run: one line, no stack trace, exit 1. */
class StartError extends Error {}

/**
 * Resolves with the first SIGINT or SIGTERM, from the moment it is called, so that
 * a Ctrl-C during start-up stops the system once it is up. A second signal calls
 * `onSecond`: the way out when the graceful stop takes too long.
 */
function firstStopSignal(graceMs: number, onSecond: (signal: NodeJS.Signals) => void): Promise<NodeJS.Signals> {
  const graceSeconds = graceMs / 1000;
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
async function main(env: NodeJS.ProcessEnv): Promise<void> {
  // Parsed now, every mistake named at once: a bad SHUTDOWN_GRACE_MS is reported at start, not from a signal handler.
  const settings = parseEnv(startEnvSchema, env);
  // It seeds demo accounts with a published password and makes its own secrets: never a production system.
  if (settings.NODE_ENV === 'production') {
    throw new StartError('npm start runs a local development system (demo accounts with a known password) and refuses NODE_ENV=production; deploy with npm run deploy');
  }
  const gatewayPort = settings.PORT;
  const frontendPort = settings.FRONTEND_PORT;
  const withFrontend = settings.FRONTEND !== 'off';
  const dataDir = resolve(settings.LOCAL_DATA_DIR ?? join(process.cwd(), '.local'));
  // The gateway's own variables, checked before anything starts.
  const gatewayFromEnv = readGatewaySettings(env);

  let unlock = () => {};
  const stopSignal = firstStopSignal(settings.SHUTDOWN_GRACE_MS, () => {
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
    const systemEnv: Env = {
      ...env,
      // Its own secrets, kept in the data folder, unless the environment gives them.
      ...(await devSecrets(dataDir, env)),
      // A restart with unchanged subgraphs serves the supergraph composed last time.
      SUPERGRAPH_CACHE_DIR: settings.SUPERGRAPH_CACHE_DIR ?? dataDir,
    };
    // The gateway answers the frontend's origin (and any in CORS_ORIGINS), nothing else.
    const corsOrigins = [...gatewayFromEnv.corsOrigins, ...(withFrontend ? localOrigins(frontendPort) : [])];
    system = await startLocalSystem({ dataDir, workDir: dataDir, env: systemEnv, gatewayPort, gatewaySettings: { corsOrigins } });
    try {
      if (withFrontend) {
        frontend = await startFrontendServer({ gatewayUrl: system.gatewayUrl, port: frontendPort, host: FRONTEND_HOST, repoRoot: process.cwd(), env });
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
    ...(system.repair && fixedCount(system.repair) > 0
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

main(process.env).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
