import { createLogger } from '@bff/kit/core';

import { admissionControl, admissionQueue, NotAdmittedError } from '../../../src/plugins/admissionControl';
import { countedNext, gatewayEvent } from './gatewayEvent';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('admissionQueue', () => {
  it('works on at most `concurrency` requests at once, in arrival order, and turns away what does not fit', async () => {
    const admit = admissionQueue({ concurrency: 2, queue: 2, queueTimeoutMs: 5_000 });
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const work = (n: number) => async () => {
      running++;
      most = Math.max(most, running);
      order.push(n);
      await sleep(30);
      running--;
      return n;
    };
    const outcomes = await Promise.allSettled([1, 2, 3, 4, 5, 6].map((n) => admit(work(n))));
    expect(most).toBe(2);
    expect(order).toEqual([1, 2, 3, 4]);
    expect(outcomes.slice(0, 4).map((outcome) => outcome.status === 'fulfilled' && outcome.value)).toEqual([1, 2, 3, 4]);
    for (const outcome of outcomes.slice(4)) {
      expect(outcome.status === 'rejected' && outcome.reason).toEqual(new NotAdmittedError('queue full'));
    }
  });

  it('turns away a request that waited longer than the queue timeout, and never runs it', async () => {
    const admit = admissionQueue({ concurrency: 1, queue: 10, queueTimeoutMs: 50 });
    const ran: string[] = [];
    const slow = admit(async () => {
      ran.push('slow');
      await sleep(200);
    });
    const waiting = admit(() => {
      ran.push('late');
      return Promise.resolve();
    });
    await expect(waiting).rejects.toEqual(new NotAdmittedError('waited too long'));
    await slow;
    await sleep(20);
    expect(ran).toEqual(['slow']);
    // The slot is free again for the next request.
    await expect(admit(() => Promise.resolve('next'))).resolves.toBe('next');
  });
});

describe('admissionControl', () => {
  it('answers what the queue turns away with 503 GATEWAY_OVERLOADED, nothing applied, and Retry-After', async () => {
    const plugin = admissionControl({ concurrency: 1, queue: 0, queueTimeoutMs: 5_000 }, createLogger('gateway-test'));
    let finish = () => {};
    const running = plugin.onEvent!(gatewayEvent(), () => new Promise((resolve) => (finish = () => resolve({ statusCode: 200, body: '' }))));
    const next = countedNext();
    const busy = await plugin.onEvent!(gatewayEvent(), next);
    expect(busy.statusCode).toBe(503);
    expect(busy.headers).toMatchObject({ 'retry-after': '1' });
    expect(JSON.parse(String(busy.body))).toEqual({
      errors: [{ message: 'The gateway is busy: try again in a moment.', extensions: { code: 'GATEWAY_OVERLOADED', outcome: 'not_applied' } }],
    });
    expect(next.calls).toBe(0);
    finish();
    expect((await running).statusCode).toBe(200);
    expect((await plugin.onEvent!(gatewayEvent(), next)).statusCode).toBe(200);
  });
});
