// Bundles the CDK app (bin/app.ts) for the CDK CLI, the way dev/build.mjs bundles `npm start`:
// our workspaces go into the bundle (TypeScript, `.graphql` as text); npm packages load from node_modules.
import { build } from 'esbuild';
import { externalPackages } from '../../dev/externalPackages.mjs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');


await build({
  entryPoints: { app: join(root, 'infra/bin/app.ts') },
  outdir: join(root, '.build/infra'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  loader: { '.graphql': 'text' },
  plugins: [externalPackages],
  logLevel: 'warning',
});
