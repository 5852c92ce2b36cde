import { idempotencyKeyOf } from '@bff/kit/core';

import type { GatewayPlugin } from './gatewayPlugin';

/**
 * The frontend's Idempotency-Key, put in the execution context, from where the
 * gateway signs it into its calls of the mutation. A malformed one is refused
 * (BAD_USER_INPUT, 400) here, before any subgraph is called.
 */
export function idempotencyKey(): GatewayPlugin {
  return {
    name: 'idempotencyKey',
    context(context, event) {
      const key = idempotencyKeyOf(event);
      return key === undefined ? context : { ...context, idempotencyKey: key };
    },
  };
}
