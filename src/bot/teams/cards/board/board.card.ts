/**
 * The `board` command's answer: the newest posts on the board (from the board service), each
 * with a "Share" button that opens the person's own share prompt (`share.start`), and a link to
 * the board tab. An empty board says so.
 */
import type { ContentCategory, Language } from '../../../../shared/domain/types.js';
import { translator } from '../../../../shared/i18n/index.js';
import { CARD_VERBS } from '../../verbs.js';
import { expandCard, type AdaptiveCardJson } from '../expand.js';
import { inertText } from '../inert-text.js';
import template from './board.card.json' with { type: 'json' };

/** One post in the list. */
export interface BoardCardItem {
  contentId: string;
  title: string;
  imageUrl?: string;
  category: ContentCategory;
  /** Topic names in the reader's language. */
  topics: string[];
}

/** What the board card shows. */
export interface BoardCardData {
  items: BoardCardItem[];
  /** Deep link to the board tab. */
  boardUrl: string;
}

/** Render the board card in `language`. */
export function renderBoardCard(data: BoardCardData, language: Language): AdaptiveCardJson {
  const t = translator(language, 'bot');
  const common = translator(language, 'common');
  return expandCard(template, {
    title: t('board.title'),
    intro: data.items.length ? t('board.intro') : t('board.empty'),
    items: data.items.map((item) => ({
      title: inertText(item.title),
      imageUrl: item.imageUrl ?? null,
      meta: inertText([common(`category.${item.category}`), ...item.topics].join(' · ')),
      data: { contentId: item.contentId },
    })),
    verb: CARD_VERBS.shareStart,
    share: t('board.share'),
    openBoard: t('board.openBoard'),
    boardUrl: data.boardUrl,
  });
}
