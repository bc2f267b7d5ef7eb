/** Loads the board for the current filters, cancelling a stale request when they change. */
import { useCallback, useEffect, useState } from 'react';
import type { BoardQuery, BoardResponse } from '../../shared/contracts/board.js';
import { ApiError } from '../api/client.js';
import { useTabContext } from '../app/tab-context.js';

export interface BoardState {
  /** Last successful response; kept while a new filter loads so the page does not flash. */
  data?: BoardResponse;
  loading: boolean;
  error?: ApiError;
}

/** Board data for `query`; `reload` retries after an error. */
export function useBoard(query: BoardQuery): BoardState & { reload(): void } {
  const { api } = useTabContext();
  const [state, setState] = useState<BoardState>({ loading: true });
  const [attempt, setAttempt] = useState(0);
  const { category, language, topic, team, q } = query;

  useEffect(() => {
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true, error: undefined }));
    api
      .getBoard({ category, language, topic, team, q }, controller.signal)
      .then((data) => setState({ data, loading: false }))
      .catch((err: unknown) => {
        if (controller.signal.aborted) return;
        const error = err instanceof ApiError ? err : new ApiError('generic', 0);
        setState((s) => ({ ...s, loading: false, error }));
      });
    return () => controller.abort();
  }, [api, category, language, topic, team, q, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, reload };
}
