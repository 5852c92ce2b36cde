// esbuild settings shared by the local builds (dev/build.mjs, infra/scripts/buildApp.mjs):
// our @bff/* workspaces go into the bundle (TypeScript, `.graphql` as text), every other
// bare import loads from node_modules at run time.
const externalPackages = {
  name: 'external-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@bff/') ? undefined : { path: args.path, external: true }));
  },
};

export const localBuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  loader: { '.graphql': 'text' },
  plugins: [externalPackages],
  logLevel: 'warning',
};
