import './localLogLevel';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

const USAGE = 'Usage: npm run gateway -- --registry <file> [--port 4000] [--host 127.0.0.1]';

/** A mistake in how the command was called: one line, then the usage. */
class UsageError extends Error {}

function options() {
  let values;
  try {
    ({ values } = parseArgs({
      options: { registry: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' }, help: { type: 'boolean' } },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (!values.registry) throw new UsageError('--registry <file> is required: a JSON file {"subgraphs":[{"name","url","sdl"?}]}');
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && (!/^\d+$/.test(values.port!) || port > 65535)) throw new UsageError(`--port must be a port number, got "${values.port}"`);
  return { registryFile: resolve(values.registry), port, host: values.host ?? '127.0.0.1' };
}

/**
 * `npm run gateway -- --registry <file>`: the gateway alone, serving whatever
 * federation subgraphs a registry file lists (for users who bring their own),
 * through the same Lambda handler and local adapter as `npm start`.
 */
async function main(env: NodeJS.ProcessEnv): Promise<void> {
  const { registryFile, port: portArg, host } = options();
  if (!existsSync(registryFile)) {
    throw new Error(`Registry file not found: ${registryFile} (write one like {"subgraphs":[{"name":"users","url":"http://127.0.0.1:4001/graphql"}]})`);
  }
  // Loaded only now: a mistake in the command line is reported at once, without loading the gateway.
  const [{ createGatewayHandler, LocalFileRegistry, readGatewaySettings }, { parseEnv }, { localEnvSchema, PortInUseError, postGraphQL, serveLambda }, { portVar }] =
    await Promise.all([import('@bff/gateway'), import('@bff/kit/core'), import('@bff/kit/local'), import('./startSettings')]);
  // Parsed now, every mistake named at once: a bad SHUTDOWN_GRACE_MS is reported at start, not from a signal handler.
  const local = parseEnv(localEnvSchema.extend({ /** The port, unless --port gives one. */ PORT: portVar(4000) }), env);
  // The gateway's settings (GATEWAY_ENGINE, its keys, …); its registry is the file given.
  const { registry: _elsewhere, ...settings } = readGatewaySettings(env);
  const port = portArg ?? local.PORT;
  const graceSeconds = local.SHUTDOWN_GRACE_MS / 1000;
  const registry = new LocalFileRegistry(registryFile);
  // Checked before listening, so that a typo is reported now rather than as a 503 later.
  const subgraphs = await registry.list();

  let server;
  try {
    server = await serveLambda(createGatewayHandler({ registry, settings }), { name: 'gateway-local-graphql', port, host, shutdownGraceMs: local.SHUTDOWN_GRACE_MS });
  } catch (error) {
    if (error instanceof PortInUseError) {
      throw new Error(`Port ${error.port} is already in use: stop what uses it, or pick another with --port ${error.port + 1}`, { cause: error });
    }
    throw error;
  }
  const url = `${server.origin}/graphql`;
  // One request loads the supergraph now, so that an unreachable subgraph shows at start, not on the first query.
  const warmUp = await postGraphQL(url, '{ __typename }');
  console.log(
    [
      '',
      `Gateway:   ${url}`,
      `Registry:  ${registryFile}`,
      ...subgraphs.map((subgraph) => `Subgraph:  ${subgraph.name.padEnd(12)} ${subgraph.url}${subgraph.sdl ? ' (SDL from the registry)' : ''}`),
      warmUp.status === 200
        ? 'Composed:  ready'
        : `Not ready: ${warmUp.body.errors?.[0]?.message ?? `HTTP ${warmUp.status}`} (the log above says why; each request tries again)`,
      '',
      'Ctrl-C stops it.',
    ].join('\n'),
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      console.error('Stopped at once: requests in flight were cut.');
      process.exit(1);
    }
    stopping = true;
    console.log(`\n${signal}: stopping… (requests in flight get up to ${graceSeconds} s; press Ctrl-C again to stop at once)`);
    // No new connections; the requests in flight finish, then the process ends.
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`While stopping: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main(process.env).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  if (error instanceof UsageError) console.error(USAGE);
  process.exit(1);
});
