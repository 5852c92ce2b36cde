// Bundles the CDK app (bin/app.ts) for the CDK CLI, and the deploy step that writes the composed
// supergraph (bin/publishSupergraph.ts), the way dev/build.mjs bundles `npm start`:
// our workspaces go into the bundle (TypeScript, `.graphql` as text); npm packages load from node_modules.
import { build } from 'esbuild';
import { localBuildOptions } from '../../dev/localBuild.mjs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

await build({
  ...localBuildOptions,
  entryPoints: { app: join(root, 'infra/bin/app.ts'), publishSupergraph: join(root, 'infra/bin/publishSupergraph.ts') },
  outdir: join(root, '.build/infra'),
});
