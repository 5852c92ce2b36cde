// One cold start, as Lambda does it: a fresh Node process requires the bundle
// (argv[2]) and invokes its handler once with the event in argv[3]; the result is
// written to argv[4] and the process exits at once (keep-alive sockets would hold it
// open). Imports only the kit's Lambda context (node:crypto), so that the runner
// itself adds next to nothing to what is measured.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';

import { lambdaContext } from '../../../packages/kit/src/local/apiGatewayEvent';

const [bundle = '', eventFile = '', resultFile = ''] = process.argv.slice(2);
const event = JSON.parse(readFileSync(eventFile, 'utf8')) as APIGatewayProxyEventV2;
const { handler } = createRequire(__filename)(bundle) as {
  handler: (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyResultV2>;
};
handler(event, lambdaContext('bench', 10_000)).then(
  (result) => {
    writeFileSync(resultFile, JSON.stringify(result));
    process.exit(0);
  },
  (error: unknown) => {
    process.stderr.write(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
