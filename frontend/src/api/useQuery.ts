import { useEffect, useState } from 'react';

import type { TypedDocumentString } from '../gql/graphql';
import { type ApiError, executeWithErrors, toApiError } from './client';

/** `done` may carry errors beside its data: the fields of a service that did not answer are null. */
export type QueryState<R> = { status: 'loading' } | { status: 'done'; data: R; errors: ApiError[] } | { status: 'failed'; error: ApiError };

/**
 * Runs a query when the component shows and again whenever its variables change. An answer
 * that arrives after the variables changed is dropped, so a slow page never replaces a newer one.
 */
export function useQuery<R, V>(document: TypedDocumentString<R, V>, variables: V): QueryState<R> {
  // Variables compared by value, so callers may pass a new object literal on every render.
  const key = JSON.stringify(variables);
  const [result, setResult] = useState<{ key: string; state: QueryState<R> } | null>(null);

  useEffect(() => {
    let current = true;
    executeWithErrors(document, JSON.parse(key) as V).then(
      ({ data, errors }) => current && setResult({ key, state: { status: 'done', data, errors } }),
      (error: unknown) => current && setResult({ key, state: { status: 'failed', error: toApiError(error) } }),
    );
    return () => {
      current = false;
    };
  }, [document, key]);

  return result?.key === key ? result.state : { status: 'loading' };
}
