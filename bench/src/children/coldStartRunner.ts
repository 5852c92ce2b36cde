// One cold start, as Lambda does it: a fresh Node process requires the function's
// handler module (argv[2]: the loader, which compiles the bundle with its V8 code
// cache) and invokes its handler once with the event in argv[3]; the result, and what
// the loader did with the cache, are written to argv[4] and the process exits at once
// (keep-alive sockets would hold it open). With `--worker` in place of the event, the
// process stays as a warm Lambda instance does: it reports ready over IPC and invokes
// the handler for each event sent, one at a time (the cold path a user feels).
// Imports only the kit's Lambda context (node:crypto), so that the runner itself adds
// next to nothing to what is measured.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';

import { lambdaContext } from '../../../packages/kit/src/local/apiGatewayEvent';

type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyResultV2>;

const [handlerModule = '', eventFile = '', resultFile = ''] = process.argv.slice(2);
const { handler, codeCache } = createRequire(__filename)(handlerModule) as { handler: Handler; codeCache?: string };

if (eventFile === '--worker') {
  process.on('message', (message: { id: number; event: APIGatewayProxyEventV2 }) => {
    handler(message.event, lambdaContext('bench', 10_000)).then(
      (result) => process.send?.({ id: message.id, result }),
      (error: unknown) => process.send?.({ id: message.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
    );
  });
  process.send?.({ type: 'ready', codeCache });
} else {
  const event = JSON.parse(readFileSync(eventFile, 'utf8')) as APIGatewayProxyEventV2;
  handler(event, lambdaContext('bench', 10_000)).then(
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
