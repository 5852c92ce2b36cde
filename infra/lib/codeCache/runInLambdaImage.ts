import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';

/** One invocation of a function's asset in the Lambda runtime image, for its code cache. */
export interface LambdaImageRun {
  image: string;
  assetDir: string;
  memorySize: number;
  environment: Record<string, string>;
  /** The event, made when the emulator is ready (a subgraph's signature is good for 30 s). */
  event: () => unknown;
}

/**
 * `docker run` for the runtime image (pulled, so that a floating tag is current) with its Runtime Interface Emulator: the asset
 * mounted as /var/task (writable: the loader writes the cache there), the memory size
 * from which the runtime's bootstrap derives Node's heap flags (V8 takes a cache only
 * under the flags it was made with), arm64 as the functions run, and a way back to
 * the warm-up's stand-in for AWS on this machine.
 */
export function dockerRunArgs(run: LambdaImageRun, name: string): string[] {
  const env = Object.entries({ ...run.environment, AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(run.memorySize) }).flatMap(([key, value]) => ['-e', `${key}=${value}`]);
  return [
    'run', '--detach', '--name', name, '--platform', 'linux/arm64',
    // The image's current Node, as Lambda runs it after the deploy (a pinned tag costs one manifest check).
    '--pull', 'always',
    '--publish', '127.0.0.1::8080', '--add-host', 'host.docker.internal:host-gateway',
    '--volume', `${run.assetDir}:/var/task`,
    ...env,
    run.image, 'loader.handler',
  ];
}

function docker(args: string[]): string {
  const result = spawnSync('docker', args, { encoding: 'utf8', timeout: 600_000 });
  if (result.error || result.status !== 0) {
    throw new Error(
      `docker ${args[0]} failed: ${result.error?.message ?? result.stderr.trim()}. The code cache for Lambda is made in the ` +
        'runtime image (Docker, with arm64 emulation on other machines); -c codeCache=off deploys without it.',
    );
  }
  return result.stdout.trim();
}

/**
 * Invokes the function once in the runtime image (Lambda's Node, architecture and
 * bootstrap flags), through the emulator's invoke API; resolves with its answer.
 */
export async function runInLambdaImage(run: LambdaImageRun): Promise<string> {
  const name = `bff-code-cache-${randomUUID().slice(0, 8)}`;
  docker(dockerRunArgs(run, name));
  try {
    const address = docker(['port', name, '8080/tcp']).split('\n')[0] ?? '';
    const url = `http://${address}/2015-03-31/functions/function/invocations`;
    // The emulator takes a moment to listen.
    for (let attempt = 0; ; attempt++) {
      try {
        const response = await fetch(url, { method: 'POST', body: JSON.stringify(run.event()) });
        const text = await response.text();
        if (!response.ok) throw new Error(`the emulator answered ${response.status}: ${text.slice(0, 2000)}`);
        return text;
      } catch (error) {
        if (attempt >= 60 || !(error instanceof TypeError)) throw error;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  } finally {
    spawnSync('docker', ['rm', '--force', name], { stdio: 'ignore' });
  }
}
