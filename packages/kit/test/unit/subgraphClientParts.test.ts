import { operationKindOf, retryAfterMs, SubgraphOverloadedError, SubgraphTimeoutError, SubgraphUnavailableError, subgraphErrorExtensions } from '../../src';

describe('retryAfterMs', () => {
  it('reads delta-seconds and HTTP dates, and nothing else', () => {
    expect(retryAfterMs('3')).toBe(3_000);
    expect(retryAfterMs(['0'])).toBe(0);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterMs('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5_000);
    expect(retryAfterMs('Wed, 31 Dec 2025 23:59:00 GMT', now)).toBe(0);
    expect(retryAfterMs(undefined)).toBeUndefined();
    expect(retryAfterMs('soon')).toBeUndefined();
  });
});

describe('operationKindOf', () => {
  it('tells mutations from queries by their keyword, as the engines print them', () => {
    expect(operationKindOf('mutation($id:ID!){deleteComment(id:$id)}')).toBe('mutation');
    expect(operationKindOf('  mutation Add { addComment(input: {}) { id } }')).toBe('mutation');
    expect(operationKindOf('query($r:[_Any!]!){_entities(representations:$r){__typename}}')).toBe('query');
    expect(operationKindOf('{ mutationLog }')).toBe('query');
    expect(operationKindOf('query mutations { x }')).toBe('query');
  });
});

describe('subgraph errors', () => {
  it('tell the client the service and the code, and a failed mutation whether it may have been applied', () => {
    const refused = new SubgraphUnavailableError('comments', 'ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:4399', true, false);
    expect(refused.publicMessage).toBe('The comments service is unavailable.');
    expect(subgraphErrorExtensions(refused, { isMutation: false, idempotent: false })).toEqual({ code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'comments' });
    expect(subgraphErrorExtensions(refused, { isMutation: true, idempotent: false })).toEqual({ code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'comments', outcome: 'not_applied' });
    expect(subgraphErrorExtensions(new SubgraphTimeoutError('comments', 'no answer in 3000 ms', true), { isMutation: true, idempotent: false }).outcome).toBe('unknown');
    // A 429 is the subgraph saying it did nothing.
    const busy = new SubgraphOverloadedError('users', 'HTTP 429', true, 2_500);
    expect(subgraphErrorExtensions(busy, { isMutation: true, idempotent: false })).toEqual({ code: 'SUBGRAPH_OVERLOADED', subgraph: 'users', retryAfterSeconds: 3, outcome: 'not_applied' });
    // A retry refused at once does not make an earlier attempt that got through undone.
    const refusedAfterCut = new SubgraphUnavailableError('comments', 'ECONNREFUSED', true, false);
    refusedAfterCut.earlierAttemptMayHaveApplied = true;
    expect(subgraphErrorExtensions(refusedAfterCut, { isMutation: true, idempotent: true }).outcome).toBe('unknown');
    // With an Idempotency-Key the client may simply send it again.
    const timedOut = new SubgraphTimeoutError('comments', 'no answer in 3000 ms', true);
    expect(subgraphErrorExtensions(timedOut, { isMutation: true, idempotent: true })).toEqual({ code: 'SUBGRAPH_TIMEOUT', subgraph: 'comments', outcome: 'unknown', retryable: true });
  });
});
