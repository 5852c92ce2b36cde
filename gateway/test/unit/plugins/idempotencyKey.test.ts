import { GraphQLError } from 'graphql';

import { idempotencyKey } from '../../../src/plugins/idempotencyKey';
import { gatewayEvent, requestContext } from './gatewayEvent';

describe('idempotencyKey', () => {
  const plugin = idempotencyKey();
  const context = requestContext();

  it('puts the Idempotency-Key in the execution context, and leaves a request without one as it is', () => {
    expect(plugin.context!(context, gatewayEvent({ headers: { 'idempotency-key': '0f6c1f5e-3b7a-4c5e-9a55-2d1f0b7c9e11' } }))).toEqual({
      ...context,
      idempotencyKey: '0f6c1f5e-3b7a-4c5e-9a55-2d1f0b7c9e11',
    });
    expect(plugin.context!(context, gatewayEvent())).toBe(context);
  });

  it('refuses a malformed key with BAD_USER_INPUT and 400', () => {
    let refusal: unknown;
    try {
      plugin.context!(context, gatewayEvent({ headers: { 'idempotency-key': 'not a key!' } }));
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(GraphQLError);
    expect((refusal as GraphQLError).extensions).toEqual({ code: 'BAD_USER_INPUT', http: { status: 400 } });
  });
});
