/**
 * Content text is inert in cards: Teams renders a TextBlock's text as markdown, so titles,
 * summaries and topic names from content (or a suggestion an admin approved) must not turn into
 * links whose words hide where they go, nor into images. Each card that shows content is rendered
 * with hostile text, and every TextBlock is put through a CommonMark/GFM renderer (marked): the
 * words stay, and any link left is a bare URL that shows its own address.
 */
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { inertText } from '../../../../src/bot/teams/cards/inert-text.js';
import { renderBoardCard } from '../../../../src/bot/teams/cards/board/board.card.js';
import { renderBoardItemCard } from '../../../../src/bot/teams/cards/board-item/board-item.card.js';
import { renderSharePromptCard } from '../../../../src/bot/teams/cards/share-prompt/share-prompt.card.js';
import { checkAdaptiveCard } from '../../../support/cards.js';

const HOSTILE = [
  '[click](https://evil.example.com)',
  '![x](https://evil.example.com/pixel.png)',
  '[Our report][1]\n\n[1]: https://evil.example.com',
  '**Urgent** [Reset your password](https://evil.example.com/login "Microsoft")',
  '<a href="https://evil.example.com">html link</a>',
];

/** Every TextBlock text of a card (any depth). */
function textBlocks(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => textBlocks(n, out));
  else if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if (record.type === 'TextBlock' && typeof record.text === 'string') out.push(record.text);
    Object.values(record).forEach((v) => textBlocks(v, out));
  }
  return out;
}

/** Links and images a markdown renderer would make of `text`, other than bare URLs showing themselves. */
function disguisedLinks(text: string): string[] {
  // Adaptive Card renderers never render raw HTML (markdown-it with html off): escape it as they do.
  const html = marked.parse(text.replace(/</g, '&lt;'), { async: false, gfm: true });
  const found: string[] = [];
  const entities: Record<string, string> = { '&quot;': '"', '&gt;': '>', '&lt;': '<', '&amp;': '&', '&#39;': "'" };
  const unescape = (html: string) => html.replace(/&(quot|gt|lt|amp|#39);/g, (e) => entities[e] ?? e);
  for (const match of html.matchAll(/<a href="([^"]*)"[^>]*>(.*?)<\/a>/g)) {
    // A bare URL made a link shows its own address (percent-encoded in the href, escaped in the text).
    if (unescape(match[2] ?? '') !== decodeURI(unescape(match[1] ?? ''))) found.push(match[0]);
  }
  for (const match of html.matchAll(/<img [^>]*>/g)) found.push(match[0]);
  return found;
}

const cards = (hostile: string) => ({
  'share prompt': renderSharePromptCard(
    {
      promptCode: 'AbCdEf123456',
      title: hostile,
      summary: hostile,
      category: 'company',
      topics: [hostile],
      networks: [{ network: 'linkedin', text: 'My words', length: 8, limit: 3000, intentUrl: 'http://localhost/s/AbCdEf123456/linkedin' }],
      state: 'open',
      boardDeepLink: 'https://teams.microsoft.com/l/entity/app/board',
      stage: 'open',
    },
    'en',
  ),
  board: renderBoardCard({ items: [{ contentId: 'c1', title: hostile, category: 'company', topics: [hostile] }], boardUrl: 'https://teams.microsoft.com/l/entity/app/board' }, 'en'),
  'board item (message extension)': renderBoardItemCard({ contentId: 'c1', title: hostile, summary: hostile, category: 'industry', topics: [hostile], url: 'https://news.example.com/story' }, 'en'),
});

describe('content text is inert in cards', () => {
  it('the check itself sees a disguised link in raw markdown', () => {
    expect(disguisedLinks('[click](https://evil.example.com)')).toHaveLength(1);
    expect(disguisedLinks('![x](https://evil.example.com/p.png)')).toHaveLength(1);
  });

  it.each(HOSTILE)('%j renders as its own words in every card, with no disguised link or image', (hostile) => {
    for (const [name, card] of Object.entries(cards(hostile))) {
      expect(checkAdaptiveCard(card).errors, name).toEqual([]);
      const texts = textBlocks(card);
      const problems = texts.flatMap(disguisedLinks);
      expect(problems, name).toEqual([]);
      // The words are still there (the zero-width space is invisible).
      expect(texts.some((t) => t.replace(/\u200B/g, '').includes(hostile.split('\n')[0]!)), name).toBe(true);
    }
  });

  it('plain text is left exactly as it is', () => {
    for (const text of ['Our sustainability report: 41% less travel', '量子センシングの最前線', 'Q&A (part 2) — 3 * 4 = 12', 'https://news.example.com/story']) {
      expect(inertText(text)).toBe(text);
    }
  });
});
