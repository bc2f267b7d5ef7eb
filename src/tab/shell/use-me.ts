/** Loads `GET /api/me` (again on `reload`): who the caller is and which pages they may open. */
import { useEffect, useState } from 'react';
import type { MeResponse } from '../../shared/contracts/me.js';
import { ApiError, type ApiClient } from '../api/client.js';

type MeLoad = { status: 'loading' } | { status: 'ready'; me: MeResponse } | { status: 'error'; error: ApiError };

export type MeState = MeLoad & {
  /** Ask again (the "Try again" of the start-up error). */
  reload(): void;
};

export function useMe(api: ApiClient): MeState {
  const [state, setState] = useState<MeLoad>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    api.getMe(controller.signal).then(
      (me) => setState({ status: 'ready', me }),
      (err: unknown) => {
        if (controller.signal.aborted) return;
        setState({ status: 'error', error: err instanceof ApiError ? err : new ApiError('generic', 0) });
      },
    );
    return () => controller.abort();
  }, [api, attempt]);
  return { ...state, reload: () => setAttempt((n) => n + 1) };
}
