// A Lambda execution environment in miniature: a fresh node process that loads one
// function's handler module (`require(<asset>/loader.js)`, as the runtime does for
// `loader.handler`) and invokes its `handler` for every event the parent sends over
// IPC, one at a time, keeping the module warm.
const { randomUUID } = require('node:crypto');

const [bundle, functionName] = process.argv.slice(2);
const { handler, codeCache } = require(bundle);

function context(timeoutMs) {
  const start = Date.now();
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, timeoutMs - (Date.now() - start)),
  };
}

process.on('message', (message) => {
  Promise.resolve()
    .then(() => handler(message.event, context(message.timeoutMs)))
    .then(
      (result) => process.send({ id: message.id, result }),
      (error) => process.send({ id: message.id, error: String(error && error.stack ? error.stack : error) }),
    );
});
process.send({ ready: typeof handler === 'function', codeCache });
