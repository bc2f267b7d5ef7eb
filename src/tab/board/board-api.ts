/** The board's calls beyond the list: the share panel and suggestions (contracts shared with the server). */
import { RewriteResultSchema, SharePanelSchema, type NotForMe, type RewriteRequest, type RewriteResult, type SharePanel } from '../../shared/contracts/board-share.js';
import { MySuggestionsSchema, SuggestionSchema, type MySuggestions, type SuggestContent, type Suggestion } from '../../shared/contracts/suggestions.js';
import type { Network } from '../../shared/domain/types.js';
import type { ApiClient } from '../api/client.js';

const itemPath = (id: string) => `/api/board/items/${encodeURIComponent(id)}`;

/** The share panel of one item (prepares the caller's prompt on first open). */
export function getSharePanel(api: ApiClient, id: string, signal?: AbortSignal): Promise<SharePanel> {
  return api.get(`${itemPath(id)}/share`, SharePanelSchema, { signal });
}

/** Save the caller's words for one network. */
export function saveShareText(api: ApiClient, id: string, network: Network, text: string): Promise<SharePanel> {
  return api.send('PUT', `${itemPath(id)}/share/${network}`, SharePanelSchema, { text });
}

/** "Not for me", optional reason. */
export function sayNotForMe(api: ApiClient, id: string, body: NotForMe): Promise<SharePanel> {
  return api.send('POST', `${itemPath(id)}/not-for-me`, SharePanelSchema, body);
}

/** "Help me rewrite": a few versions of the caller's words for one network (AI writing help; nothing is saved). */
export function rewriteShareText(api: ApiClient, id: string, body: RewriteRequest, signal?: AbortSignal): Promise<RewriteResult> {
  return api.send('POST', `${itemPath(id)}/rewrite`, RewriteResultSchema, body, signal);
}

/** Suggest a link for the board. */
export function suggestContent(api: ApiClient, body: SuggestContent): Promise<Suggestion> {
  return api.send('POST', '/api/suggestions', SuggestionSchema, body);
}

/** The caller's own suggestions, newest first. */
export function getMySuggestions(api: ApiClient, signal?: AbortSignal): Promise<MySuggestions> {
  return api.get('/api/suggestions/mine', MySuggestionsSchema, { signal });
}
