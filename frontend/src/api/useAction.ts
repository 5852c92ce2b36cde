import { useCallback, useRef, useState } from 'react';

import { type ApiError, toApiError } from './client';

/**
 * State for a user action that calls the server (a form submit, a button): `pending` while it
 * runs (to disable the button), and the error it ended with. `run` ignores calls while one runs.
 */
export function useAction() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const running = useRef(false);

  const run = useCallback(async (action: () => Promise<void>): Promise<void> => {
    if (running.current) return;
    running.current = true;
    setPending(true);
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      running.current = false;
      setPending(false);
    }
  }, []);

  return { run, pending, error };
}
