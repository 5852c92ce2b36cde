import { prepareSubgraphSchema } from '@bff/kit/build';

// A synth makes many stacks from the same few schemas (the tests make many apps): prepare each once.
const prepared = new Map<string, string>();

/**
 * The esbuild `define` that puts a subgraph's schema, prepared at build time,
 * into its bundle: `globalThis.BFF_PREPARED_SUBGRAPH_SCHEMA`, read by the kit's
 * `subgraphSchema`. A schema that does not build fails the synth here.
 */
export function preparedSchemaDefine(sdl: string): Record<string, string> {
  let value = prepared.get(sdl);
  if (value === undefined) {
    // A define's value is JavaScript: a string literal holding the JSON.
    value = JSON.stringify(JSON.stringify(prepareSubgraphSchema(sdl)));
    prepared.set(sdl, value);
  }
  return { 'globalThis.BFF_PREPARED_SUBGRAPH_SCHEMA': value };
}
