import { join } from 'node:path';

import { PortInUseError } from '@bff/kit/local';

import { DataDirBusyError, lockDataDir } from './dataDirLock';
import { DEMO_PASSWORD, demoData } from './demoData';
import { useDevSecrets } from './devSecrets';
import { startLocalSystem } from './localSystem';

const EXAMPLE_QUERY =
  '{ articles(first: 5) { nodes { title author { name } commentCount comments(first: 3) { nodes { body author { name } } } } pageInfo { hasNextPage endCursor } } }';

/** `npm start`: the whole system on this machine, until Ctrl-C. */
async function main(): Promise<void> {
  const rawPort = process.env.PORT ?? '4000';
  const gatewayPort = Number(rawPort);
  if (!Number.isInteger(gatewayPort) || gatewayPort < 0 || gatewayPort > 65535) {
    throw new Error(`PORT must be a port number, got "${rawPort}"`);
  }
  // Local runs log warnings and errors only, unless asked for more.
  process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
  const dataDir = join(process.cwd(), '.local');

  let system;
  let unlock = () => {};
  try {
    unlock = lockDataDir(dataDir);
    useDevSecrets(dataDir);
    // A restart with unchanged subgraphs serves the supergraph composed last time.
    process.env.SUPERGRAPH_CACHE_DIR ??= dataDir;
    system = await startLocalSystem({ dataDir, workDir: dataDir, gatewayPort });
  } catch (error) {
    unlock();
    if (error instanceof PortInUseError) {
      console.error(`Port ${error.port} is already in use: stop what uses it, or start on another port with PORT=${error.port + 1} npm start`);
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
    `Gateway:   ${system.gatewayUrl}`,
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
    void system.close().then(() => {
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
