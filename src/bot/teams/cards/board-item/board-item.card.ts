/**
 * A board post inserted into any chat by the message extension. Everyone in the chat sees the
 * same card; "Share this" (`share.start`) opens a share prompt for whoever clicks, behind the
 * same policy gate, so colleagues can each share it in their own words.
 */
import type { ContentCategory, Language } from '../../../../shared/domain/types.js';
import { translator } from '../../../../shared/i18n/index.js';
import { CARD_VERBS } from '../../verbs.js';
import { expandCard, type AdaptiveCardJson } from '../expand.js';
import { inertText } from '../inert-text.js';
import template from './board-item.card.json' with { type: 'json' };

/** What the inserted card shows. */
export interface BoardItemCardData {
  contentId: string;
  title: string;
  summary: string;
  url: string;
  imageUrl?: string;
  category: ContentCategory;
  topics: string[];
}

/** Render the inserted card in `language` (the language of the person inserting it). */
export function renderBoardItemCard(data: BoardItemCardData, language: Language): AdaptiveCardJson {
  const t = translator(language, 'bot');
  const common = translator(language, 'common');
  return expandCard(template, {
    from: t('search.insertedBy'),
    imageUrl: data.imageUrl ?? null,
    title: inertText(data.title),
    meta: inertText([common(`category.${data.category}`), ...data.topics].join(' · ')),
    summary: inertText(data.summary),
    verb: CARD_VERBS.shareStart,
    shareThis: t('search.shareThis'),
    data: { contentId: data.contentId },
    read: t('search.read'),
    url: data.url,
  });
}
