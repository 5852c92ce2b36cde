// A Lambda execution environment in miniature: a fresh node process that loads one
// function's handler module (`require(<asset>/loader.js)`, as the runtime does for
// `loader.handler`) and invokes its `handler` for every event the parent sends over
// IPC, one at a time, keeping the module warm. The parent makes each invocation's
// context (the kit's lambdaContext); its functions, which IPC cannot carry, are made here.
const [bundle] = process.argv.slice(2);
const { handler, codeCache } = require(bundle);

function context({ data, timeoutMs }) {
  const start = Date.now();
  return { ...data, getRemainingTimeInMillis: () => Math.max(0, timeoutMs - (Date.now() - start)), done() {}, fail() {}, succeed() {} };
}

process.on('message', (message) => {
  Promise.resolve()
    .then(() => handler(message.event, context(message.context)))
    .then(
      (result) => process.send({ id: message.id, result }),
      (error) => process.send({ id: message.id, error: String(error && error.stack ? error.stack : error) }),
    );
});
process.send({ ready: typeof handler === 'function', codeCache });
