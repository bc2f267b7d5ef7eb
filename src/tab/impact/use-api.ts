/**
 * Loads one API resource for a page: the data, a loading flag and the error (as an `ApiError`
 * whose code names `common:error.<code>`); `reload` retries. A stale answer never overwrites a
 * newer request's. Shared by My impact, Leaderboard and Policy.
 */
import { useCallback, useEffect, useState } from 'react';
import { ApiError, type ApiClient } from '../api/client.js';
import { useTabContext } from '../app/tab-context.js';

export interface ResourceState<T> {
  data?: T;
  loading: boolean;
  error?: ApiError;
  reload(): void;
  /** Replace the data after a successful write (e.g. saved goals). */
  setData(data: T): void;
}

export function useApiResource<T>(load: (api: ApiClient, signal: AbortSignal) => Promise<T>, deps: readonly unknown[]): ResourceState<T> {
  const { api } = useTabContext();
  const [state, setState] = useState<{ data?: T; loading: boolean; error?: ApiError }>({ loading: true });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true, error: undefined }));
    load(api, controller.signal).then(
      (data) => setState({ data, loading: false }),
      (err: unknown) => {
        if (controller.signal.aborted) return;
        setState((s) => ({ ...s, loading: false, error: err instanceof ApiError ? err : new ApiError('generic', 0) }));
      },
    );
    return () => controller.abort();
    // `load` is re-created each render; `deps` names what it reads.
  }, [api, attempt, ...deps]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const setData = useCallback((data: T) => setState({ data, loading: false }), []);
  return { ...state, reload, setData };
}
