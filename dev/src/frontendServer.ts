import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

import { PortInUseError } from '@bff/kit/local';

import { assertPortFree } from './assertPortFree';

export interface FrontendServer {
  /** Where a browser opens the app, e.g. `http://localhost:5173/`. */
  url: string;
  /** The origin the gateway must allow (CORS). */
  origin: string;
  close(): Promise<void>;
}

export interface FrontendServerOptions {
  /** The gateway the app calls (its VITE_GATEWAY_URL). */
  gatewayUrl: string;
  port: number;
  host?: string;
  repoRoot: string;
  /** Vite's environment (the caller's, e.g. npm start's own); VITE_GATEWAY_URL is set from `gatewayUrl`. */
  env: NodeJS.ProcessEnv;
}

/** The origins a browser may show for a local port: the gateway allows both spellings. */
export const localOrigins = (port: number) => [`http://localhost:${port}`, `http://127.0.0.1:${port}`];

/** Resolves once `url` answers, or rejects when `child` exits first or `ms` pass. */
async function answering(url: string, child: ChildProcess, output: () => string, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Vite exited (${child.exitCode}): ${output().trim()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Vite did not answer at ${url} within ${ms / 1000} s: ${output().trim()}`);
}

/**
 * The example frontend on Vite's dev server (edits reload in the browser), calling
 * the gateway cross-origin as it does when deployed. Vite runs in a child process of
 * its own: it is ESM-only and heavy, and the rest of `npm start` need not load it.
 */
export async function startFrontendServer(options: FrontendServerOptions): Promise<FrontendServer> {
  const host = options.host ?? '127.0.0.1';
  // Checked first: another program answering on the port would otherwise pass for Vite below.
  await assertPortFree(options.port, host);
  const vite = join(options.repoRoot, 'node_modules/vite/bin/vite.js');
  const child = spawn(process.execPath, [vite, '--host', host, '--port', String(options.port), '--strictPort', '--clearScreen', 'false'], {
    cwd: join(options.repoRoot, 'frontend'),
    env: { ...options.env, VITE_GATEWAY_URL: options.gatewayUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const close = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  try {
    await answering(`http://${host}:${options.port}/`, child, () => output);
  } catch (error) {
    await close();
    if (output.includes('is already in use')) throw new PortInUseError(options.port, host);
    throw error;
  }
  // Vite's own messages (e.g. a syntax error in the app) still reach the terminal.
  child.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  return { url: `http://localhost:${options.port}/`, origin: `http://localhost:${options.port}`, close };
}
