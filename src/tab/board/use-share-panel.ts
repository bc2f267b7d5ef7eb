/**
 * State of the share panel: the server's panel, the person's drafts per network, and the actions
 * (save, share through the share door in a new window, "Not for me"). Sharing opens the window
 * synchronously in the click (so no popup blocker stops it), saves an edit first, then sends the
 * window to the same-origin share door, which applies the policy gate, records the tracked share
 * and redirects to the network's composer.
 */
import { useCallback, useEffect, useState } from 'react';
import type { SharePanel } from '../../shared/contracts/board-share.js';
import type { SkipReason } from '../../shared/contracts/card-actions.js';
import type { Network } from '../../shared/domain/types.js';
import { ApiError } from '../api/client.js';
import { useTabContext } from '../app/tab-context.js';
import { getSharePanel, saveShareText, sayNotForMe } from './board-api.js';

export interface SharePanelState {
  panel?: SharePanel;
  drafts: Partial<Record<Network, string>>;
  loading: boolean;
  busy: boolean;
  error?: ApiError;
  /** Network whose text was just saved (for the "Saved." note). */
  saved?: Network;
  /** When the browser blocked the new window: the door to open by hand. */
  blockedPath?: string;
}

const asApiError = (err: unknown) => (err instanceof ApiError ? err : new ApiError('generic', 0));

/** Panel state for item `id` (`undefined` = closed). */
export function useSharePanel(id: string | undefined) {
  const { api } = useTabContext();
  const [state, setState] = useState<SharePanelState>({ drafts: {}, loading: false, busy: false });
  const [attempt, setAttempt] = useState(0);

  const accept = useCallback((panel: SharePanel, keepDrafts: boolean) => {
    setState((s) => {
      const drafts: Partial<Record<Network, string>> = {};
      for (const n of panel.networks) {
        const old = s.panel?.networks.find((o) => o.network === n.network)?.text;
        const draft = s.drafts[n.network];
        // Keep what the person is typing unless the server's text for that network changed under it.
        drafts[n.network] = keepDrafts && draft !== undefined && old === n.text ? draft : n.text;
      }
      return { ...s, panel, drafts, loading: false, busy: false, error: undefined };
    });
  }, []);

  useEffect(() => {
    if (id === undefined) {
      setState({ drafts: {}, loading: false, busy: false });
      return;
    }
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: s.panel?.contentId !== id, error: undefined }));
    getSharePanel(api, id, controller.signal).then(
      (panel) => accept(panel, true),
      (err: unknown) => {
        if (!controller.signal.aborted) setState((s) => ({ ...s, loading: false, error: asApiError(err) }));
      },
    );
    return () => controller.abort();
  }, [api, id, attempt, accept]);

  // Back from the network's window: show the share and its clicks.
  useEffect(() => {
    if (id === undefined) return;
    const refresh = () => setAttempt((n) => n + 1);
    window.addEventListener('focus', refresh);
    return () => window.removeEventListener('focus', refresh);
  }, [id]);

  const setDraft = useCallback((network: Network, text: string) => setState((s) => ({ ...s, drafts: { ...s.drafts, [network]: text }, saved: undefined })), []);

  const run = useCallback(
    async (action: () => Promise<SharePanel>): Promise<SharePanel | undefined> => {
      setState((s) => ({ ...s, busy: true, error: undefined }));
      try {
        const panel = await action();
        accept(panel, false);
        return panel;
      } catch (err) {
        setState((s) => ({ ...s, busy: false, error: asApiError(err) }));
        return undefined;
      }
    },
    [accept],
  );

  const save = useCallback(
    async (network: Network) => {
      if (id === undefined) return;
      const text = state.drafts[network] ?? '';
      const panel = await run(() => saveShareText(api, id, network, text));
      if (panel) setState((s) => ({ ...s, saved: network }));
    },
    [api, id, run, state.drafts],
  );

  const share = useCallback(
    (network: Network) => {
      const entry = state.panel?.networks.find((n) => n.network === network);
      if (id === undefined || !entry) return;
      const win = window.open('', '_blank');
      if (win) win.opener = null;
      const text = state.drafts[network] ?? entry.text;
      const go = (path: string) => {
        if (win) win.location.href = path;
        else setState((s) => ({ ...s, blockedPath: path }));
      };
      if (text.trim() === entry.text.trim()) {
        go(entry.intentPath);
        return;
      }
      void run(() => saveShareText(api, id, network, text)).then((panel) => {
        const saved = panel?.networks.find((n) => n.network === network);
        if (saved) go(saved.intentPath);
        else win?.close();
      });
    },
    [api, id, run, state.drafts, state.panel],
  );

  const notForMe = useCallback(
    async (reason: SkipReason | undefined) => {
      if (id === undefined) return;
      await run(() => sayNotForMe(api, id, reason !== undefined ? { reason } : {}));
    },
    [api, id, run],
  );

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, setDraft, save, share, notForMe, reload };
}
