// One cold start, as Lambda does it: a fresh Node process requires the bundle
// (argv[2]) and invokes its handler once with the event in argv[3]; the result is
// written to argv[4] and the process exits at once (keep-alive sockets would hold it open).
const { readFileSync, writeFileSync } = require('node:fs');

const [bundle, eventFile, resultFile] = process.argv.slice(2);
const event = JSON.parse(readFileSync(eventFile, 'utf8'));
const context = {
  callbackWaitsForEmptyEventLoop: true,
  functionName: 'bench',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:local:000000000000:function:bench',
  memoryLimitInMB: '1024',
  awsRequestId: event.requestContext.requestId,
  logGroupName: '/aws/lambda/bench',
  logStreamName: 'local',
  getRemainingTimeInMillis: () => 10_000,
};
const { handler } = require(bundle);
Promise.resolve(handler(event, context)).then(
  (result) => {
    writeFileSync(resultFile, JSON.stringify(result));
    process.exit(0);
  },
  (error) => {
    process.stderr.write(String(error && error.stack ? error.stack : error));
    process.exit(1);
  },
);
