import { ErrorCode, eventBodyBytes, graphqlErrorBody } from '@bff/kit/core';

import type { GatewayPlugin } from './gatewayPlugin';

/** Refuses a request body over `maxBytes` with 413 PAYLOAD_TOO_LARGE, before anything reads it. */
export function bodyLimit(maxBytes: number): GatewayPlugin {
  return {
    name: 'bodyLimit',
    onEvent(event, next) {
      if (eventBodyBytes(event) <= maxBytes) return next();
      return Promise.resolve(graphqlErrorBody(413, `The request body is larger than ${maxBytes} bytes.`, ErrorCode.PAYLOAD_TOO_LARGE));
    },
  };
}
