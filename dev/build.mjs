// Bundles the local runners with esbuild, as the Lambda bundles are built: our
// workspaces (TypeScript, `.graphql` as text) go into the bundle, npm packages stay
// external and load from node_modules. Takes well under a second.
import { build } from 'esbuild';
import { externalPackages } from './externalPackages.mjs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const entries = {
  start: join(root, 'dev/src/start.ts'),
  gatewayCli: join(root, 'dev/src/gatewayCli.ts'),
  schemaCli: join(root, 'dev/src/schemaCli.ts'),
};
// `node dev/build.mjs gatewayCli` builds that entry alone; no names: all of them.
const wanted = process.argv.slice(2);
for (const name of wanted) {
  if (!(name in entries)) throw new Error(`No entry "${name}"; the entries are ${Object.keys(entries).join(', ')}`);
}

await build({
  entryPoints: wanted.length ? Object.fromEntries(wanted.map((name) => [name, entries[name]])) : entries,
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
