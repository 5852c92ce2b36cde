// Run by the warm-up in a fresh process of the Node that makes the cache: loads
// `<asset>/loader.js` as Lambda does and invokes its handler once with the event in
// argv[3]; the loader writes the cache (BFF_CODE_CACHE_OUT) after that invocation.
// Prints the result, so that a failed warm-up says why.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const [assetDir = '', eventFile = '', functionName = 'warm-up'] = process.argv.slice(2);
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the asset's loader is CommonJS, found at run time
const { handler } = require(join(assetDir, 'loader.js')) as { handler: (event: unknown, context: unknown) => Promise<unknown> };
const context = { functionName, awsRequestId: 'warm-up', getRemainingTimeInMillis: () => 10_000, callbackWaitsForEmptyEventLoop: true };
handler(JSON.parse(readFileSync(eventFile, 'utf8')), context).then(
  (result) => {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    // Sockets kept alive by the function would hold the process open.
    process.exit(0);
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
