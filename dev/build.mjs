// Bundles the local runners with esbuild, as the Lambda bundles are built: our
// workspaces (TypeScript, `.graphql` as text) go into the bundle, npm packages stay
// external and load from node_modules. Takes well under a second.
import { build } from 'esbuild';
import { localBuildOptions } from './localBuild.mjs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// name → [output as .build/<output>.js, source]
const entries = {
  start: ['dev/start', 'dev/src/start.ts'],
  gatewayCli: ['dev/gatewayCli', 'dev/src/gatewayCli.ts'],
  schemaCli: ['dev/schemaCli', 'tools/contracts/src/schemaCli.ts'],
  load: ['dev/load', 'dev/src/load/load.ts'],
  repair: ['dev/repair', 'dev/src/repair/repairCli.ts'],
  // `npm run bench` and the processes it starts.
  bench: ['bench/bench', 'bench/src/bench.ts'],
  benchSubgraphs: ['bench/subgraphs', 'bench/src/children/subgraphs.ts'],
  benchGateway: ['bench/gateway', 'bench/src/children/gateway.ts'],
  benchBaseline: ['bench/baselineGateway', 'bench/src/children/baselineGateway.ts'],
  benchColdStart: ['bench/coldStartRunner', 'bench/src/children/coldStartRunner.ts'],
  benchShopSubgraph: ['bench/shopSubgraph', 'bench/src/children/shopSubgraph.ts'],
  benchGatewayHandler: ['bench/gatewayHandler', 'bench/src/children/gatewayHandler.ts'],
};
// `node dev/build.mjs gatewayCli` builds that entry alone, `bench` every bench entry; no names: all of them.
const wanted = process.argv.slice(2);
const names = Object.keys(entries).filter((name) => wanted.length === 0 || wanted.includes(name) || (wanted.includes('bench') && name.startsWith('bench')));
for (const name of wanted) {
  if (!(name in entries)) throw new Error(`No entry "${name}"; the entries are ${Object.keys(entries).join(', ')}`);
}

await build({
  entryPoints: Object.fromEntries(names.map((name) => [entries[name][0], join(root, entries[name][1])])),
  outdir: join(root, '.build'),
  ...localBuildOptions,
});
