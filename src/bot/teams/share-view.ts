/**
 * From the sharing service's view of a prompt to the share prompt card: the one mapping used by
 * replies, card refreshes, proactive delivery and the message extension.
 */
import type { Language } from '../../shared/domain/types.js';
import { getI18n } from '../../shared/i18n/index.js';
import type { SharePromptView } from '../services/sharing.service.js';
import { renderSharePromptCard, type SharePromptCardData } from './cards/share-prompt/share-prompt.card.js';
import type { AdaptiveCardJson } from './cards/expand.js';

/** How to show the view. */
export interface PromptCardOptions {
  stage?: SharePromptCardData['stage'];
  network?: SharePromptCardData['network'];
  draft?: string;
  notice?: string;
  /** The person's Teams account id, in a personal chat: the card refreshes for them. */
  refreshFor?: string;
}

/** "Why it matters to you", translated from the service's key (`ns:key`, or a key of the `sharing` namespace). */
export function translateWhy(view: Pick<SharePromptView, 'why'>, language: Language): string | undefined {
  if (!view.why?.key) return undefined;
  const key = view.why.key.includes(':') ? view.why.key : `sharing:${view.why.key}`;
  const text = getI18n().getFixedT(language)(key, view.why.params);
  // i18next answers a missing key with the key itself (without its `ns:` prefix).
  return text === key || text === key.slice(key.indexOf(':') + 1) ? undefined : text;
}

/** Render the share prompt card for `view` in the person's language. */
export function renderPromptView(view: SharePromptView, options: PromptCardOptions = {}): AdaptiveCardJson {
  const why = translateWhy(view, view.language);
  return renderSharePromptCard(
    {
      promptCode: view.promptCode,
      title: view.title,
      summary: view.summary,
      ...(view.imageUrl ? { imageUrl: view.imageUrl } : {}),
      category: view.category,
      topics: view.topics.map((t) => t.name),
      ...(why ? { why } : {}),
      networks: view.networks.map((n) => ({
        network: n.network,
        text: n.text,
        ...(n.disclosure ? { disclosure: n.disclosure } : {}),
        length: n.length,
        limit: n.limit,
        intentUrl: n.intentUrl,
        ...(n.shared ? { shared: { clicks: n.shared.clicks } } : {}),
      })),
      state: view.state,
      boardDeepLink: view.boardDeepLink,
      stage: options.stage ?? 'open',
      ...(options.network ? { network: options.network } : {}),
      ...(options.draft !== undefined ? { draft: options.draft } : {}),
      ...(options.notice ? { notice: options.notice } : {}),
      ...(options.refreshFor ? { refreshUserIds: [options.refreshFor] } : {}),
    },
    view.language,
  );
}
