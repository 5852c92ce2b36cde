// Jest transform: a `.graphql` file becomes a module whose default export is its text,
// the same as esbuild's `text` loader does in the Lambda bundles.
module.exports = {
  process(source) {
    return { code: `module.exports = { __esModule: true, default: ${JSON.stringify(source)} };` };
  },
};
