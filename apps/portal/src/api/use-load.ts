import { type DependencyList, useCallback, useEffect, useState } from 'react';
import { ApiError } from './api-error';
import { useSession } from '../auth/session-context';

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

/**
 * Runs a loader when its inputs change and keeps the latest answer; a 401 (the session ended
 * meanwhile) sends the user back to the sign-in page instead of showing an error.
 */
export function useLoad<T>(load: () => Promise<T>, deps: DependencyList): Loaded<T> {
  const { sessionEnded } = useSession();
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const [round, setRound] = useState(0);
  const run = useCallback(load, deps);

  useEffect(() => {
    let live = true;
    setLoading(true);
    setError(null);
    run().then(
      (answer) => {
        if (!live) return;
        setData(answer);
        setLoading(false);
      },
      (caught: unknown) => {
        if (!live) return;
        if (caught instanceof ApiError && caught.status === 401) return sessionEnded();
        setError(caught instanceof ApiError ? caught : new ApiError(0, 'CLIENT', String(caught)));
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [run, round, sessionEnded]);

  return { data, error, loading, reload: () => setRound((n) => n + 1) };
}
