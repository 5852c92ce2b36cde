// Bundles the local runners with esbuild, as the Lambda bundles are built: our
// workspaces (TypeScript, `.graphql` as text) go into the bundle, npm packages stay
// external and load from node_modules. Takes well under a second.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Bundle @bff/* workspaces; leave every other bare import to node_modules. */
const externalPackages = {
  name: 'external-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@bff/') ? undefined : { path: args.path, external: true }));
  },
};

await build({
  entryPoints: { start: join(root, 'dev/src/start.ts') },
  outdir: join(root, '.build/dev'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  loader: { '.graphql': 'text' },
  plugins: [externalPackages],
  logLevel: 'warning',
});
