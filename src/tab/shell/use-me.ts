/** Loads `GET /api/me` once: who the caller is and which pages they may open. */
import { useEffect, useState } from 'react';
import type { MeResponse } from '../../shared/contracts/me.js';
import { ApiError, type ApiClient } from '../api/client.js';

export type MeState = { status: 'loading' } | { status: 'ready'; me: MeResponse } | { status: 'error'; error: ApiError };

export function useMe(api: ApiClient): MeState {
  const [state, setState] = useState<MeState>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    api.getMe(controller.signal).then(
      (me) => setState({ status: 'ready', me }),
      (err: unknown) => {
        if (controller.signal.aborted) return;
        setState({ status: 'error', error: err instanceof ApiError ? err : new ApiError('generic', 0) });
      },
    );
    return () => controller.abort();
  }, [api]);
  return state;
}
