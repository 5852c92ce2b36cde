// esbuild plugin shared by the local builds (dev/build.mjs, infra/scripts/buildApp.mjs):
// our @bff/* workspaces go into the bundle, every other bare import loads from node_modules.
export const externalPackages = {
  name: 'external-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@bff/') ? undefined : { path: args.path, external: true }));
  },
};
