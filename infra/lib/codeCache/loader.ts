// The Lambda entry of every function (`loader.handler`): loads the esbuild bundle beside it
// (index.js) with the V8 code cache that the build made for it (index.js.cache), so that V8
// deserializes compiled code instead of compiling 2-3 MB of JavaScript at each cold start.
// V8 checks the cache against its own version, the CPU architecture, its flags and the
// source; a cache it refuses is ignored (`cachedDataRejected`) and the bundle is compiled as
// `require` would compile it: slower, never wrong. (V8 does not check the cache's contents,
// only what it was made for: the build writes it whole or fails.) Built into each asset by
// infra/scripts/codeCache.mjs, the functions' bundling hook; depends on nothing but Node.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';

type Handler = (event: unknown, context: unknown) => Promise<unknown>;
type Wrapper = (exports: object, require: NodeJS.Require, module: { exports: object }, filename: string, dirname: string) => void;

const BUNDLE = join(__dirname, 'index.js');
const CACHE = join(__dirname, 'index.js.cache');

function readCache(): Buffer | undefined {
  try {
    return readFileSync(CACHE);
  } catch {
    return undefined;
  }
}

const cachedData = readCache();
// Node's CommonJS wrapper on a line of its own: with lineOffset -1, lines in stack traces are the
// bundle's own, as its source map has them.
const script = new Script(`(function (exports, require, module, __filename, __dirname) {\n${readFileSync(BUNDLE, 'utf8')}\n})`, {
  filename: BUNDLE,
  lineOffset: -1,
  // The bundle has no import(): esbuild turns it into require (see graphqlFunction.ts).
  cachedData,
});
const bundle = { exports: {} as { handler?: Handler } };
(script.runInThisContext() as Wrapper)(bundle.exports, require, bundle, BUNDLE, __dirname);

/** What became of the cache: `used`, `rejected` (made for another Node, architecture or flags), or `none`. */
export const codeCache = cachedData === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : 'used';
if (codeCache === 'rejected') {
  // One line per cold start, in the structured form of the other log lines, so that a mismatch after a
  // runtime update shows (and costs only speed).
  console.warn(JSON.stringify({ level: 'WARN', message: 'The V8 code cache was made for another runtime: compiled without it', cache: CACHE }));
}

const bundled = bundle.exports.handler;
if (typeof bundled !== 'function') throw new Error(`${BUNDLE} exports no handler`);

/**
 * Set at build time only: after the first invocation, the cache is written there. Made
 * then, it holds the functions that the first request compiled, not only the top level.
 */
const cacheOut = process.env.BFF_CODE_CACHE_OUT;

export const handler: Handler = cacheOut
  ? async (event, context) => {
      const result = await bundled(event, context);
      writeFileSync(cacheOut, script.createCachedData());
      return result;
    }
  : bundled;
