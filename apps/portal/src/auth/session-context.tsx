import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError } from '../api/api-error';
import { setCsrfToken } from '../api/http-client';
import * as api from '../api/portal-api';
import { type SessionInfo } from '../api/portal-types';

interface SessionState {
  /** undefined while the page asks the gateway; null when nobody is signed in. */
  session: SessionInfo | null | undefined;
  signIn: (username: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
  /** The gateway said the session is over (401): back to the sign-in page. */
  sessionEnded: () => void;
}

const SessionContext = createContext<SessionState | null>(null);

/**
 * The signed-in user. The session itself is the gateway's httpOnly cookie; the page only learns
 * who it is and keeps the session's CSRF token in memory (a reload asks for a fresh one).
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionInfo | null | undefined>(undefined);

  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const current = await api.currentSession();
        const { csrfToken } = await api.freshCsrfToken();
        setCsrfToken(csrfToken);
        if (live) setSession(current);
      } catch {
        if (live) setSession(null);
      }
    })();
    return () => {
      live = false;
    };
  }, []);

  const signIn = useCallback(async (username: string, password: string) => {
    const signedIn = await api.signIn(username, password);
    setCsrfToken(signedIn.csrfToken);
    setSession({ user: signedIn.user, endsAt: signedIn.endsAt });
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.signOut();
    } catch (error) {
      // An ended session is signed out already; anything else is shown.
      if (!(error instanceof ApiError && (error.status === 401 || error.status === 403))) throw error;
    }
    setCsrfToken(null);
    setSession(null);
  }, []);

  const sessionEnded = useCallback(() => {
    setCsrfToken(null);
    setSession(null);
  }, []);

  const value = useMemo(
    () => ({ session, signIn, signOut, sessionEnded }),
    [session, signIn, signOut, sessionEnded],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}
