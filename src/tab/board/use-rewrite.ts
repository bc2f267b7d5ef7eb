/**
 * State of "Help me rewrite" (AI writing help) for one network of the share panel: ask the server
 * for versions of the person's current words, show them, and forget them when the person picks
 * one or closes the list. A new request cancels the one in flight; leaving the network (the
 * editor unmounts) cancels it too.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RewriteResult } from '../../shared/contracts/board-share.js';
import type { Network } from '../../shared/domain/types.js';
import { ApiError } from '../api/client.js';
import { useTabContext } from '../app/tab-context.js';
import { rewriteShareText } from './board-api.js';

export interface RewriteState {
  loading: boolean;
  result?: RewriteResult;
  error?: ApiError;
}

/** Rewrite state and actions for item `itemId`, network `network`. */
export function useRewrite(itemId: string, network: Network) {
  const { api } = useTabContext();
  const [state, setState] = useState<RewriteState>({ loading: false });
  const inFlight = useRef<AbortController | undefined>(undefined);

  useEffect(() => () => inFlight.current?.abort(), []);

  const ask = useCallback(
    async (text: string) => {
      inFlight.current?.abort();
      const controller = new AbortController();
      inFlight.current = controller;
      setState({ loading: true });
      try {
        const result = await rewriteShareText(api, itemId, { network, text }, controller.signal);
        if (!controller.signal.aborted) setState({ loading: false, result });
      } catch (err) {
        if (!controller.signal.aborted) setState({ loading: false, error: err instanceof ApiError ? err : new ApiError('generic', 0) });
      }
    },
    [api, itemId, network],
  );

  const clear = useCallback(() => {
    inFlight.current?.abort();
    setState({ loading: false });
  }, []);

  return { ...state, ask, clear };
}
