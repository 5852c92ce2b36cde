// `.graphql` files are imported as their text: esbuild's `text` loader in bundles,
// dev/jest/graphqlTextTransform.js in tests. The SDL is then part of the bundle, not read from disk.
declare module '*.graphql' {
  const sdl: string;
  export default sdl;
}
