import { CORS_ALLOWED_HEADERS, cors } from '../../../src/plugins/cors';
import { countedNext, gatewayEvent } from './gatewayEvent';

describe('cors', () => {
  const plugin = cors(['http://localhost:5173']);
  const preflight = (origin: string) =>
    gatewayEvent({ method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });

  it('answers a preflight from an allowed origin with 204 and the allowed headers, without going on', async () => {
    const next = countedNext();
    const allowed = await plugin.onEvent!(preflight('http://localhost:5173'), next);
    expect(allowed.statusCode).toBe(204);
    expect(allowed.headers).toMatchObject({
      'access-control-allow-origin': 'http://localhost:5173',
      'access-control-allow-methods': 'GET, POST, OPTIONS',
      'access-control-allow-headers': CORS_ALLOWED_HEADERS.join(', '),
    });
    expect(CORS_ALLOWED_HEADERS).toEqual(expect.arrayContaining(['authorization', 'idempotency-key', 'x-correlation-id']));
    expect(next.calls).toBe(0);
  });

  it('refuses a preflight from any other origin with 403 and no CORS headers', async () => {
    const refused = await plugin.onEvent!(preflight('https://evil.example'), countedNext());
    expect(refused).toEqual({ statusCode: 403, body: '' });
  });

  it('adds CORS headers to the answer for an allowed origin only, keeping its own', async () => {
    const allowed = await plugin.onEvent!(gatewayEvent({ headers: { origin: 'http://localhost:5173' } }), countedNext());
    expect(allowed.headers).toEqual({
      'content-type': 'application/json',
      'access-control-allow-origin': 'http://localhost:5173',
      'access-control-allow-credentials': 'true',
      'access-control-expose-headers': 'x-request-id',
      vary: 'origin',
    });
    const other = await plugin.onEvent!(gatewayEvent({ headers: { origin: 'https://evil.example' } }), countedNext());
    expect(other.headers).toEqual({ 'content-type': 'application/json' });
  });
});
