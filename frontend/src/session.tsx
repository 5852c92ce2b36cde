import { createContext, type ReactNode, use, useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';

import { type ApiError, executeWithErrors, toApiError } from './api/client';
import { getToken, setToken, subscribeToken } from './api/token';
import { MeDocument, type MeQuery } from './gql/graphql';

export type Viewer = NonNullable<MeQuery['me']>;

/** Who is using the app: `checking` while a stored token is looked up with `Me`. */
export type SessionStatus = { status: 'checking' } | { status: 'signedOut' } | { status: 'signedIn'; me: Viewer };

export type Session = SessionStatus & {
  /** Why the stored token could not be checked (not a refusal: that logs out). */
  checkError: ApiError | null;
  /** Keeps the token and user from a successful Login or Register. */
  signIn: (auth: { token: string; user: Viewer }) => void;
  logOut: () => void;
};

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const token = useSyncExternalStore(subscribeToken, getToken);
  // Each answer is kept with the token it is about, so one for an old token is never used.
  const [viewer, setViewer] = useState<{ token: string; me: Viewer } | null>(null);
  const [checkFailure, setCheckFailure] = useState<{ token: string; error: ApiError } | null>(null);

  const known = token !== null && viewer?.token === token;
  useEffect(() => {
    if (token === null || known) return;
    let current = true;
    executeWithErrors(MeDocument, {}).then(
      ({ data: { me }, errors }) => {
        if (!current) return;
        if (me) setViewer({ token, me });
        // Null with an error: the users service did not answer, which says nothing about the token.
        else if (errors[0]) setCheckFailure({ token, error: errors[0] });
        // No user for this token: it is of no use.
        else setToken(null);
      },
      (error: unknown) => {
        if (!current) return;
        const apiError = toApiError(error);
        if (apiError.code === 'UNAUTHENTICATED') setToken(null);
        else setCheckFailure({ token, error: apiError });
      },
    );
    return () => {
      current = false;
    };
  }, [token, known]);

  const signIn = useCallback((auth: { token: string; user: Viewer }) => {
    setViewer({ token: auth.token, me: auth.user });
    setToken(auth.token);
  }, []);
  const logOut = useCallback(() => {
    setToken(null);
    setViewer(null);
  }, []);

  const session = useMemo((): Session => {
    const checkError = token !== null && checkFailure?.token === token ? checkFailure.error : null;
    const status: SessionStatus =
      token === null || checkError
        ? { status: 'signedOut' }
        : viewer?.token === token
          ? { status: 'signedIn', me: viewer.me }
          : { status: 'checking' };
    return { ...status, checkError, signIn, logOut };
  }, [token, viewer, checkFailure, signIn, logOut]);

  return <SessionContext value={session}>{children}</SessionContext>;
}

export function useSession(): Session {
  const session = use(SessionContext);
  if (!session) throw new Error('useSession is used outside SessionProvider');
  return session;
}
