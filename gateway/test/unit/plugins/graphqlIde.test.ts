import { graphqlIde } from '../../../src/plugins/graphqlIde';
import { countedNext, gatewayEvent } from './gatewayEvent';

const browser = { accept: 'text/html,application/xhtml+xml' };

describe('graphqlIde', () => {
  it('serves GraphiQL to a browser opening the URL, from the installed package', async () => {
    const next = countedNext();
    const page = await graphqlIde(true).onEvent!(gatewayEvent({ method: 'GET', headers: browser }), next);
    expect(page.statusCode).toBe(200);
    expect(page.headers).toMatchObject({ 'content-type': 'text/html; charset=utf-8' });
    expect(page.body).toContain('GraphiQL');
    expect(page.body).toContain('/graphql');
    expect(next.calls).toBe(0);
  });

  it('passes on GraphQL over GET, POSTs and requests that do not ask for HTML', async () => {
    const plugin = graphqlIde(true);
    const next = countedNext();
    await plugin.onEvent!(gatewayEvent({ method: 'GET', headers: browser, rawQueryString: 'query=%7B__typename%7D' }), next);
    await plugin.onEvent!(gatewayEvent({ method: 'POST', headers: browser }), next);
    await plugin.onEvent!(gatewayEvent({ method: 'GET', headers: { accept: 'application/json' } }), next);
    expect(next.calls).toBe(3);
  });

  it('does nothing when turned off (production)', () => {
    expect('onEvent' in graphqlIde(false)).toBe(false);
  });
});
