import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { graphqlPostEvent, lambdaContext } from '@bff/kit/local';

import { LambdaProcess } from '../src/lambdaProcess';
import { temporaryDirectory } from '../src/temporaryDirectory';

// A handler module as a bundle is one: CommonJS, exporting `handler`; it answers with what it was given.
const ECHO = `
let invocations = 0;
exports.codeCache = 'none';
exports.handler = async (event, context) => {
  invocations++;
  if (event.body === 'throw') throw new Error('handler failed');
  return {
    statusCode: 200,
    body: JSON.stringify({ body: event.body, functionName: context.functionName, remaining: context.getRemainingTimeInMillis(), invocations, env: process.env.GREETING ?? null, leaked: process.env.HOME ?? null }),
  };
};`;

describe('LambdaProcess: a handler module in its own node process', () => {
  const dir = temporaryDirectory('bff-lambda-process-');
  let lambda: LambdaProcess;

  beforeAll(async () => {
    await writeFile(join(dir(), 'echo.js'), ECHO);
    lambda = await LambdaProcess.start(dir(), 'echo', 'echo-fn', { GREETING: 'hello' });
  });
  afterAll(() => lambda.stop());

  it('invokes the handler with the event and a Lambda context, keeping the module warm, in exactly the environment given', async () => {
    const first = JSON.parse((await lambda.invoke(graphqlPostEvent('one'), 5_000)).body ?? '') as Record<string, unknown>;
    expect(first).toMatchObject({ body: 'one', functionName: 'echo-fn', invocations: 1, env: 'hello', leaked: null });
    expect(first.remaining).toBeGreaterThan(0);
    expect(first.remaining).toBeLessThanOrEqual(5_000);
    const second = JSON.parse((await lambda.handler(graphqlPostEvent('two'), lambdaContext('echo-fn', 5_000))).body ?? '') as Record<string, unknown>;
    expect(second).toMatchObject({ body: 'two', invocations: 2 });
    expect(lambda.codeCache).toBe('none');
  });

  it('rejects an invocation whose handler throws, with its error, and goes on serving', async () => {
    await expect(lambda.invoke(graphqlPostEvent('throw'))).rejects.toThrow('handler failed');
    expect((await lambda.invoke(graphqlPostEvent('after'))).statusCode).toBe(200);
  });
});
