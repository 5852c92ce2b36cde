import { join } from 'node:path';

import { PortInUseError } from '@bff/kit/local';

import { readGatewayConfig } from '@bff/gateway';

import { DataDirBusyError, lockDataDir } from './dataDirLock';
import { DEMO_PASSWORD, demoData } from './demoData';
import { useDevSecrets } from './devSecrets';
import { type FrontendServer, localOrigins, startFrontendServer } from './frontendServer';
import { startLocalSystem } from './localSystem';

const EXAMPLE_QUERY =
  '{ articles(first: 5) { nodes { title author { name } commentCount comments(first: 3) { nodes { body author { name } } } } pageInfo { hasNextPage endCursor } } }';

function portFromEnv(name: string, fallback: number): number {
  const raw = process.env[name] || String(fallback);
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65535) throw new Error(`${name} must be a port number, got "${raw}"`);
  return port;
}

/** `npm start`: the whole system on this machine, until Ctrl-C. */
async function main(): Promise<void> {
  const gatewayPort = portFromEnv('PORT', 4000);
  const frontendPort = portFromEnv('FRONTEND_PORT', 5173);
  // Local runs log warnings and errors only, unless asked for more.
  process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
  const dataDir = join(process.cwd(), '.local');

  let system;
  let frontend: FrontendServer | undefined;
  let unlock = () => {};
  try {
    unlock = lockDataDir(dataDir);
    useDevSecrets(dataDir);
    // A restart with unchanged subgraphs serves the supergraph composed last time.
    process.env.SUPERGRAPH_CACHE_DIR ??= dataDir;
    // The gateway answers the frontend's origin (and any in CORS_ORIGINS), nothing else.
    const corsOrigins = [...readGatewayConfig().corsOrigins, ...localOrigins(frontendPort)];
    system = await startLocalSystem({ dataDir, workDir: dataDir, gatewayPort, gatewayConfig: { corsOrigins } });
    try {
      frontend = await startFrontendServer({ gatewayUrl: system.gatewayUrl, port: frontendPort, repoRoot: process.cwd() });
    } catch (error) {
      await system.close();
      throw error;
    }
  } catch (error) {
    unlock();
    if (error instanceof PortInUseError) {
      const variable = error.port === frontendPort ? 'FRONTEND_PORT' : 'PORT';
      console.error(`Port ${error.port} is already in use: stop what uses it, or start on another port with ${variable}=${error.port + 1} npm start`);
      process.exit(1);
    }
    if (error instanceof DataDirBusyError) {
      console.error(`${error.message} Stop it first (Ctrl-C in its terminal, or kill ${error.pid}).`);
      process.exit(1);
    }
    throw error;
  }

  const lines = [
    '',
    `Frontend:  ${frontend?.url ?? ''}  ← open this`,
    `Gateway:   ${system.gatewayUrl}  (GraphiQL when opened in a browser)`,
    ...system.subgraphs.map((subgraph) => `Subgraph:  ${subgraph.name.padEnd(9)} ${subgraph.url}`),
    `Store:     ${system.storeEndpoint} (data in ${dataDir}; ${system.seededItems ? `seeded ${system.seededItems} demo items` : 'demo data already there'})`,
    `Demo login: ${demoData().users[0]!.email} / ${DEMO_PASSWORD} (every demo account has this password)`,
    '',
    'Try it:',
    `  curl -s ${system.gatewayUrl} -H 'content-type: application/json' \\`,
    `    -d '${JSON.stringify({ query: EXAMPLE_QUERY })}'`,
    '',
    'Ctrl-C stops everything.',
  ];
  console.log(lines.join('\n'));

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    void Promise.all([frontend?.close(), system.close()]).then(() => {
      unlock();
      process.exit(0);
    });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
