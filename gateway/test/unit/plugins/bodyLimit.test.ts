import { bodyLimit } from '../../../src/plugins/bodyLimit';
import { codeOf, countedNext, gatewayEvent } from './gatewayEvent';

describe('bodyLimit', () => {
  const plugin = bodyLimit(10);

  it('passes a body within the limit on', async () => {
    const next = countedNext();
    expect((await plugin.onEvent!(gatewayEvent({ body: '0123456789' }), next)).statusCode).toBe(200);
    expect((await plugin.onEvent!(gatewayEvent(), next)).statusCode).toBe(200);
    expect(next.calls).toBe(2);
  });

  it('refuses a larger one with 413 PAYLOAD_TOO_LARGE, without going on', async () => {
    const next = countedNext();
    const refused = await plugin.onEvent!(gatewayEvent({ body: '0123456789a' }), next);
    expect(refused.statusCode).toBe(413);
    expect(codeOf(refused)).toBe('PAYLOAD_TOO_LARGE');
    expect(JSON.parse(String(refused.body))).toMatchObject({ errors: [{ message: 'The request body is larger than 10 bytes.' }] });
    expect(next.calls).toBe(0);
  });

  it('counts a base64 body by the bytes it holds, not its encoding', async () => {
    const next = countedNext();
    const tenBytes = Buffer.from('0123456789').toString('base64');
    expect((await plugin.onEvent!(gatewayEvent({ body: tenBytes, isBase64Encoded: true }), next)).statusCode).toBe(200);
    const elevenBytes = Buffer.from('0123456789a').toString('base64');
    expect((await plugin.onEvent!(gatewayEvent({ body: elevenBytes, isBase64Encoded: true }), next)).statusCode).toBe(413);
  });
});
