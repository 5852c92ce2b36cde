// The bundling hook of every Lambda function (GraphqlFunction's afterBundling), run by
// `cdk synth` right after esbuild wrote <asset>/index.js:
//   node infra/scripts/codeCache.mjs <assetDir> [<warm-up job as base64 JSON>]
// 1. builds the loader, <asset>/loader.js, the functions' entry (infra/lib/codeCache/loader.ts);
// 2. given a job, makes <asset>/index.js.cache, the V8 code cache of the bundle, by making the
//    function's first request in the runtime that will load it (infra/lib/codeCache/warmUp.ts).
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { build } from 'esbuild';

import { localBuildOptions } from '../../dev/localBuild.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const [assetDir, job] = process.argv.slice(2);
if (!assetDir) {
  console.error('usage: codeCache.mjs <assetDir> [<job>]');
  process.exit(2);
}

// Self-contained (Node built-ins only) and readable: it is what Lambda runs first.
await build({
  entryPoints: [join(root, 'infra/lib/codeCache/loader.ts')],
  outfile: join(assetDir, 'loader.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
});

if (job) {
  // Built where node_modules resolves (the npm packages stay external), one folder per run.
  const tools = join(root, '.build/codeCache', `${process.pid}-${Date.now()}`);
  mkdirSync(tools, { recursive: true });
  try {
    await build({
      ...localBuildOptions,
      entryPoints: { warmUp: join(root, 'infra/lib/codeCache/warmUp.ts'), invokeOnce: join(root, 'infra/lib/codeCache/invokeOnce.ts') },
      outdir: tools,
      sourcemap: false,
    });
    const run = spawnSync(process.execPath, [join(tools, 'warmUp.js'), assetDir, job], { stdio: 'inherit' });
    if (run.status !== 0) process.exit(run.status ?? 1);
  } finally {
    rmSync(tools, { recursive: true, force: true });
  }
}
