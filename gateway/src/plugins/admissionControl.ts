import { ErrorCode, graphqlErrorBody, type Logger } from '@bff/kit/core';
import { bulkhead, BulkheadRejectedError } from 'cockatiel';

import type { GatewayPlugin } from './gatewayPlugin';

export interface AdmissionSettings {
  /** Requests the gateway works on at once. */
  concurrency: number;
  /** Requests that may wait for a turn; past that they are turned away at once. */
  queue: number;
  /** Longest wait for a turn; a request still waiting then is turned away. */
  queueTimeoutMs: number;
}

/** A request the gateway did not start: its queue was full, or it waited too long. */
export class NotAdmittedError extends Error {
  override readonly name = 'NotAdmittedError';

  constructor(readonly reason: 'queue full' | 'waited too long') {
    super(`not admitted: ${reason}`);
  }
}

/**
 * The queue behind admission control:
 * at most `concurrency` requests are worked on at once and the rest wait their
 * turn in order (a cockatiel bulkhead). Waiting happens before any subgraph call
 * starts its clock, so a burst of clients makes answers slower, not failed: calls
 * already sent finish quickly and no subgraph looks sick because of load. A full
 * queue or a long wait turns a request away at once. (In Lambda each instance
 * takes one event at a time, so this never queues there: API Gateway's
 * throttling and Lambda's scaling do that job.)
 */
export function admissionQueue(settings: AdmissionSettings): <T>(work: () => Promise<T>) => Promise<T> {
  const slots = bulkhead(settings.concurrency, settings.queue);
  return async (work) => {
    const cancel = new AbortController();
    let started = false;
    let timer: NodeJS.Timeout | undefined;
    const waitedTooLong = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        if (started) return;
        // The bulkhead skips a cancelled request when its turn comes.
        cancel.abort();
        reject(new NotAdmittedError('waited too long'));
      }, settings.queueTimeoutMs);
    });
    const turn = slots.execute(() => {
      started = true;
      clearTimeout(timer);
      return work();
    }, cancel.signal);
    try {
      return await Promise.race([turn, waitedTooLong]);
    } catch (error) {
      if (error instanceof BulkheadRejectedError) throw new NotAdmittedError('queue full');
      throw error;
    } finally {
      clearTimeout(timer);
      // A request turned away leaves its place in the queue behind; that rejection is expected.
      turn.catch(() => undefined);
    }
  };
}

/**
 * Admission control for a long-running gateway (`npm start`, `npm run gateway`; see
 * `admissionQueue`): a request turned away is answered 503 GATEWAY_OVERLOADED with
 * Retry-After. Nothing was done, so a mutation may simply be sent again.
 */
export function admissionControl(settings: AdmissionSettings, logger: Logger): GatewayPlugin {
  const admit = admissionQueue(settings);
  return {
    name: 'admissionControl',
    async onEvent(_event, next) {
      try {
        return await admit(next);
      } catch (error) {
        if (!(error instanceof NotAdmittedError)) throw error;
        logger.warn('Request not admitted', { reason: error.reason });
        const busy = graphqlErrorBody(503, 'The gateway is busy: try again in a moment.', ErrorCode.GATEWAY_OVERLOADED, { outcome: 'not_applied' });
        return { ...busy, headers: { ...busy.headers, 'retry-after': '1' } };
      }
    },
  };
}
