import { createLogger } from '@bff/kit/core';
import { lambdaContext } from '@bff/test-support';

import type { GatewayContext } from '../../../src/gatewayContext';
import type { GatewayEvent, GatewayResult, NextStep } from '../../../src/plugins/gatewayPlugin';

export interface EventShape {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  isBase64Encoded?: boolean;
  rawQueryString?: string;
}

/** An API Gateway HTTP API (payload 2.0) event with what a plugin looks at. */
export function gatewayEvent({ method = 'POST', headers = {}, body, isBase64Encoded = false, rawQueryString = '' }: EventShape = {}): GatewayEvent {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: '/graphql',
    rawQueryString,
    headers,
    isBase64Encoded,
    ...(body === undefined ? {} : { body }),
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      requestId: 'request-1',
      routeKey: '$default',
      stage: '$default',
      time: '30/Nov/2026:10:00:00 +0000',
      timeEpoch: 0,
      http: { method, path: '/graphql', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' },
    },
  };
}

/** What GraphQL would answer, counted: the step after the plugin under test. */
export function countedNext(result: GatewayResult = { statusCode: 200, headers: { 'content-type': 'application/json' }, body: '{"data":{}}' }) {
  const next: NextStep & { calls: number } = Object.assign(
    () => {
      next.calls++;
      return Promise.resolve(result);
    },
    { calls: 0 },
  );
  return next;
}

/** The `extensions.code` of an error answer. */
export const codeOf = (result: GatewayResult): unknown => (JSON.parse(String(result.body)) as { errors: { extensions: { code: unknown } }[] }).errors[0]?.extensions.code;

/** The execution context of an anonymous request, as the gateway builds it before its plugins add to it. */
export const requestContext = (): GatewayContext => ({
  requestId: 'r1',
  correlationId: 'r1',
  logger: createLogger('gateway-test'),
  caller: null,
  sourceIp: '127.0.0.1',
  lambdaContext: lambdaContext('gateway-test', 30_000),
});
