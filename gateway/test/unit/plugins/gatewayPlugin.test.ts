import { type GatewayPlugin, throughPlugins } from '../../../src/plugins/gatewayPlugin';
import { countedNext, gatewayEvent } from './gatewayEvent';

describe('throughPlugins', () => {
  const seen: string[] = [];
  const around = (name: string): GatewayPlugin => ({
    name,
    async onEvent(_event, next) {
      seen.push(`${name} in`);
      const result = await next();
      seen.push(`${name} out`);
      return { ...result, headers: { ...result.headers, [name]: 'yes' } };
    },
  });
  beforeEach(() => (seen.length = 0));

  it('runs each onEvent in list order around the ones after it, then the last step; plugins without one are skipped', async () => {
    const last = countedNext();
    const result = await throughPlugins([around('a'), { name: 'rules only', validationRules: [] }, around('b')], gatewayEvent(), last);
    expect(seen).toEqual(['a in', 'b in', 'b out', 'a out']);
    expect(result.headers).toMatchObject({ a: 'yes', b: 'yes' });
    expect(last.calls).toBe(1);
  });

  it('lets a plugin answer alone: the later ones and the last step never run, the earlier ones see its answer', async () => {
    const last = countedNext();
    const refuse: GatewayPlugin = { name: 'refuse', onEvent: () => Promise.resolve({ statusCode: 413, body: '' }) };
    const result = await throughPlugins([around('a'), refuse, around('b')], gatewayEvent(), last);
    expect(result).toEqual({ statusCode: 413, body: '', headers: { a: 'yes' } });
    expect(seen).toEqual(['a in', 'a out']);
    expect(last.calls).toBe(0);
  });
});
