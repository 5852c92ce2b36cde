// The bundling hook's second half (after esbuild and the loader): makes the V8 code
// cache of one function by making its first request in the runtime that will load
// it, against a stand-in for AWS, then checks the cache. Run as
// `node warmUp.js <assetDir> <job as base64 JSON>` by infra/scripts/codeCache.mjs.
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { SERVICE_LIST } from '@bff/kit/catalogue';
import { INTERNAL_HEADER, signInternalCall } from '@bff/kit/core';
import { graphqlPostEvent } from '@bff/kit/local';

import { supergraphParameterValue } from '../supergraph/supergraphParameter';
import { runInLambdaImage } from './runInLambdaImage';
import { type FakeAwsOptions, startFakeAws } from './fakeAws';
import { subgraphWarmUpOperation, type WarmUpJob } from './warmUpTarget';

const CACHE_FILE = 'index.js.cache';

/** Runs a process to its end; not spawnSync: this process must go on answering for the stand-in meanwhile. */
function run(node: string, args: string[], env: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(node, args, { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/**
 * A warm-up the function refused (a signature it did not take, a setting it
 * lacks, a registry it could not read) would make a cache of the refusal alone:
 * the build stops instead. A subgraph must answer 200; the gateway may answer
 * with the errors of the stand-in's empty subgraphs (200, or 400 from the apollo
 * engine), which it got to by planning and calling them.
 */
function checkAnswer(answer: string, kind: 'subgraph' | 'gateway'): void {
  let statusCode: unknown;
  try {
    ({ statusCode } = JSON.parse(answer) as { statusCode?: unknown });
  } catch {
    statusCode = undefined;
  }
  const accepted = kind === 'subgraph' ? [200] : [200, 400];
  if (!accepted.includes(statusCode as number)) throw new Error(`the function answered its warm-up request with ${answer.slice(0, 2000)}`);
}

async function main(): Promise<void> {
  const [assetDir = '', encoded = ''] = process.argv.slice(2);
  const job = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8')) as WarmUpJob;
  const read = (file: string) => readFileSync(join(job.repoRoot, file), 'utf8');
  // Secrets of this run only, as the shared stack's secret holds them.
  const secrets = { jwtSecret: randomBytes(32).toString('hex'), internalSigningSecret: randomBytes(32).toString('hex'), cursorSecret: randomBytes(32).toString('hex') };
  const inContainer = job.mode === 'lambda';
  const fakeHost = inContainer ? 'host.docker.internal' : '127.0.0.1';

  const target = job.target;
  const fakeOptions: FakeAwsOptions = { secretString: JSON.stringify(secrets), host: inContainer ? '0.0.0.0' : '127.0.0.1' };
  const fake = await startFakeAws(fakeOptions);
  const endpoint = `http://${fakeHost}:${fake.port}`;
  if (target.kind === 'gateway') {
    // The registry as the subgraph stacks write it, and the supergraph as the deploy step composes it.
    const entries = target.subgraphs.map(({ name, schemaFile }) => ({ name, url: `${endpoint}/subgraphs/${name}`, sdl: read(schemaFile) }));
    fakeOptions.registry = { entries, supergraph: supergraphParameterValue(entries).value };
  }

  const environment: Record<string, string> = {
    ...job.environment,
    // What Lambda sets, with credentials that only the stand-in accepts.
    AWS_REGION: 'us-east-1',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'AKIAWARMUPWARMUPWARM',
    AWS_SECRET_ACCESS_KEY: 'warm-up-secret-access-key',
    AWS_SESSION_TOKEN: 'warm-up-session-token',
    AWS_LAMBDA_FUNCTION_NAME: job.functionName,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(job.memorySize),
    AWS_ENDPOINT_URL: endpoint,
    AUTH_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:000000000000:secret:warm-up',
    // One attempt: nothing the stand-in answers is worth retrying.
    AWS_MAX_ATTEMPTS: '1',
    // Lambda's Node is one the SDK supports; the warning would only be noise from an older local one.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    POWERTOOLS_LOG_LEVEL: job.environment.POWERTOOLS_LOG_LEVEL ?? 'INFO',
  };
  // URLs of other subgraphs that a service calls (their catalogue `urlEnv`): the stand-in.
  for (const { name, urlEnv } of SERVICE_LIST) if (urlEnv in environment) environment[urlEnv] = `${endpoint}/subgraphs/${name}`;

  // Made when the function is ready for it: a subgraph refuses a signature older than 30 s.
  const event = () => {
    if (target.kind === 'gateway') return graphqlPostEvent(JSON.stringify({ query: read(target.queryFile), variables: { first: 10 } }));
    const body = JSON.stringify(subgraphWarmUpOperation(read(target.schemaFile)));
    // Signed as the gateway signs: a subgraph answers nothing else.
    const signature = signInternalCall({ caller: null, requestId: randomUUID() }, body, new TextEncoder().encode(secrets.internalSigningSecret));
    return graphqlPostEvent(body, { [INTERNAL_HEADER]: signature });
  };

  const work = mkdtempSync(join(tmpdir(), 'bff-code-cache-'));
  const cache = join(assetDir, CACHE_FILE);
  rmSync(cache, { force: true });
  try {
    if (inContainer) {
      const answer = await runInLambdaImage({ image: job.image, assetDir, memorySize: job.memorySize, environment: { ...environment, BFF_CODE_CACHE_OUT: `/var/task/${CACHE_FILE}` }, event });
      checkAnswer(answer, target.kind);
    } else {
      const node = job.node ?? process.execPath;
      const eventFile = join(work, 'event.json');
      writeFileSync(eventFile, JSON.stringify(event()));
      const made = await run(node, [join(__dirname, 'invokeOnce.js'), assetDir, eventFile, job.functionName], { ...environment, BFF_CODE_CACHE_OUT: cache });
      if (made.status !== 0) throw new Error(`the warm-up request failed (exit ${made.status}): ${made.stderr.slice(-2000)}`);
      // The answer is the last line (the function's log lines come before it).
      checkAnswer(made.stdout.trim().split('\n').at(-1) ?? '', target.kind);
      // The cache must be one this Node takes: a fresh process loads it, or the build fails here.
      const check = await run(node, ['-e', `process.stdout.write(require(${JSON.stringify(join(assetDir, 'loader.js'))}).codeCache); process.exit(0)`], environment);
      if (check.stdout !== 'used') throw new Error(`${node} did not take the cache it made (${check.stdout || check.stderr.slice(-2000)})`);
    }
    if (!existsSync(cache)) throw new Error('no cache was written');
  } finally {
    rmSync(work, { recursive: true, force: true });
    await fake.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`code cache: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
