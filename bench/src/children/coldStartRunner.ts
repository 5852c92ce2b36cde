// One cold start, as Lambda does it: a fresh Node process requires the function's
// handler module (argv[2]: the loader, which compiles the bundle with its V8 code
// cache) and invokes its handler once with the event in argv[3]; the result, and what
// the loader did with the cache, are written to argv[4] and the process exits at once
// (keep-alive sockets would hold it open). With `--worker` in place of the event, the
// process stays as a warm Lambda instance does: it reports ready over IPC and invokes
// the handler for each event sent, one at a time (the cold path a user feels).
// The bench makes each invocation's Lambda context (the kit's lambdaContext) and sends
// its data with the event; the runner imports nothing of ours, so that it adds next to
// nothing to what is measured.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

import type { APIGatewayProxyResultV2, Context } from 'aws-lambda';

import type { Invocation } from './protocol';

type Handler = (event: Invocation['event'], context: Context) => Promise<APIGatewayProxyResultV2>;

/** The context's functions, which JSON cannot carry, around the data the bench made. */
function contextOf({ data, timeoutMs }: Invocation['context']): Context {
  const start = Date.now();
  return { ...data, getRemainingTimeInMillis: () => Math.max(0, timeoutMs - (Date.now() - start)), done() {}, fail() {}, succeed() {} };
}

const [handlerModule = '', eventFile = '', resultFile = ''] = process.argv.slice(2);
const { handler, codeCache } = createRequire(__filename)(handlerModule) as { handler: Handler; codeCache?: string };

if (eventFile === '--worker') {
  process.on('message', (message: Invocation & { id: number }) => {
    handler(message.event, contextOf(message.context)).then(
      (result) => process.send?.({ id: message.id, result }),
      (error: unknown) => process.send?.({ id: message.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
    );
  });
  process.send?.({ type: 'ready', codeCache });
} else {
  const { event, context } = JSON.parse(readFileSync(eventFile, 'utf8')) as Invocation;
  handler(event, contextOf(context)).then(
    (result) => {
      writeFileSync(resultFile, JSON.stringify({ result, codeCache }));
      process.exit(0);
    },
    (error: unknown) => {
      process.stderr.write(error instanceof Error ? (error.stack ?? error.message) : String(error));
      process.exit(1);
    },
  );
}
