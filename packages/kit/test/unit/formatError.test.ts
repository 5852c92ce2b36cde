import { GraphQLError, type GraphQLFormattedError } from 'graphql';

import { formatError, INTERNAL_MESSAGE, isExpectedError } from '../../src/formatError';
import { NotFoundError, TooManyRequestsError } from '../../src';

/** An error as Apollo Server hands it to formatError: thrown in a resolver, it arrives wrapped with its path. */
const fromResolver = (thrown: Error) => new GraphQLError(thrown.message, { path: ['article'], originalError: thrown });
const formatted = (error: GraphQLError): GraphQLFormattedError => ({ ...error.toJSON(), extensions: { ...error.extensions, stacktrace: ['at x'] } });
const format = (error: GraphQLError) => formatError(formatted(error), error);

describe('formatError: what a client may see of an error', () => {
  it('gives a domain error its code, its message and the extensions it chose', () => {
    expect(format(fromResolver(new NotFoundError('No such article.')))).toEqual({
      message: 'No such article.',
      path: ['article'],
      extensions: { code: 'NOT_FOUND' },
    });
    expect(format(fromResolver(new TooManyRequestsError('Too many attempts.', 2.2))).extensions).toEqual({
      code: 'TOO_MANY_REQUESTS',
      retryAfterSeconds: 3,
    });
  });

  it('keeps the message of an error the client caused, and never a stack trace', () => {
    const invalid = new GraphQLError('Cannot query field "nope" on type "Query".', { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(format(invalid)).toEqual({ message: invalid.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
  });

  it('keeps a deliberately coded GraphQLError, as a subgraph or the gateway gave it', () => {
    const coded = new GraphQLError('The comments service is unavailable.', { extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'comments' } });
    expect(format(coded).extensions).toEqual({ code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'comments' });
    expect(isExpectedError(coded)).toBe(true);
  });

  it('masks anything else as INTERNAL_SERVER_ERROR, whatever it says', () => {
    const failure = fromResolver(new Error('connect ECONNREFUSED 10.0.0.7:8000 (table users-prod)'));
    expect(format(failure)).toEqual({ message: INTERNAL_MESSAGE, path: ['article'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(isExpectedError(failure)).toBe(false);
  });

  it('masks a coded GraphQLError that wraps a thrown failure: the code is not part of the API then', () => {
    const wrapped = new GraphQLError('socket hang up', { extensions: { code: 'SOME_LIBRARY_CODE' }, originalError: new Error('socket hang up') });
    expect(format(wrapped).extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(isExpectedError(wrapped)).toBe(false);
  });
});
