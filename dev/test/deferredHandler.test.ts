import type { LocalLambdaServer } from '@bff/kit/local';
import { serveTestLambda } from '@bff/test-support';

import { deferredHandler } from '../src/deferredHandler';

describe('a handler served before it is made', () => {
  let server: LocalLambdaServer;
  afterEach(() => server?.close(0));

  it('holds the requests that come first, then answers them and every later one with the handler it is given', async () => {
    const deferred = deferredHandler();
    server = await serveTestLambda(deferred.handler, 'deferred');
    let answered = false;
    const early = fetch(`${server.origin}/graphql`, { method: 'POST', body: 'first' }).then(async (response) => {
      answered = true;
      return response.text();
    });
    // Long enough for the request to have reached the handler, which has nothing to give it yet.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(answered).toBe(false);

    deferred.resolve((event) => Promise.resolve({ statusCode: 200, body: `made later, got ${event.body}` }));
    expect(await early).toBe('made later, got first');
    const late = await fetch(`${server.origin}/graphql`, { method: 'POST', body: 'second' });
    expect(await late.text()).toBe('made later, got second');
  });
});
