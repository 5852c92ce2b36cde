import { readiness } from '../../../src/plugins/readiness';
import { codeOf, countedNext, gatewayEvent } from './gatewayEvent';

describe('readiness', () => {
  it('answers 503 GATEWAY_NOT_READY while the gateway cannot serve, and tries again on the next request', async () => {
    let loads = 0;
    const plugin = readiness(() => (++loads === 1 ? Promise.reject(new Error('registry unreachable')) : Promise.resolve()));
    const next = countedNext();
    const first = await plugin.onEvent!(gatewayEvent(), next);
    expect(first.statusCode).toBe(503);
    expect(codeOf(first)).toBe('GATEWAY_NOT_READY');
    // Nothing internal reaches the client.
    expect(first.body).not.toContain('registry unreachable');
    expect(next.calls).toBe(0);

    expect((await plugin.onEvent!(gatewayEvent(), next)).statusCode).toBe(200);
    expect(loads).toBe(2);
    expect(next.calls).toBe(1);
  });
});
