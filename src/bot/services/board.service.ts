/**
 * The content board: what is live for a tenant, filtered and searched, with topic names in the
 * reader's language. One use case for every door that shows the board: the tab API
 * (`GET /api/board`), the `board` chat command and the message extension's search.
 */
import { isSafeUrl, type BoardCounts, type BoardItem } from '../../shared/contracts/board.js';
import { isLive } from '../../shared/domain/targeting.js';
import type { ContentCategory, ContentItem, Language, Topic } from '../../shared/domain/types.js';
import { LANGUAGE_ENDONYMS } from '../../shared/i18n/language-names.js';
import type { ContentRepository, TopicRepository } from './ports.js';

/** What to list. Filters are optional; `uiLanguage` picks the topic names' language. */
export interface BoardSearch {
  /** Free text matched (case-insensitive) against title, summary, topic names in any language and the item's language. */
  query?: string;
  language?: Language;
  category?: ContentCategory;
  uiLanguage: Language;
  /** Cap on the items returned (after sorting newest first). */
  limit?: number;
}

/** The board as every surface shows it. */
export interface BoardView {
  /** Matching items, newest first. */
  items: BoardItem[];
  /** Per category, after the language and text filters only (for the category tabs). */
  counts: BoardCounts;
  /** Languages present on the whole live board (so a language picker never offers an empty choice). */
  languages: Language[];
  /** Topic id -> name in `uiLanguage` (English fallback) for the topics the listed items use. */
  topicNames: Record<string, string>;
  /** Published items left off because their url is not http(s): the caller logs them. */
  unsafeIds: string[];
}

export interface BoardService {
  searchBoard(tenantId: string, search: BoardSearch, now: Date): Promise<BoardView>;
}

export function createBoardService(deps: { content: ContentRepository; topics: TopicRepository }): BoardService {
  return {
    async searchBoard(tenantId, search, now) {
      const [published, topics] = await Promise.all([deps.content.list(tenantId, { status: 'published' }), deps.topics.list(tenantId)]);
      const unsafeIds = published.filter((i) => !isSafeUrl(i.url)).map((i) => i.id);
      const at = now.toISOString();
      const board = published.filter((i) => isLive(i, at) && isSafeUrl(i.url)).sort(newestFirst);
      const matches = textMatcher(search.query, topics);
      const filtered = board.filter((i) => (!search.language || i.language === search.language) && matches(i));
      const inCategory = search.category ? filtered.filter((i) => i.category === search.category) : filtered;
      const items = (search.limit === undefined ? inCategory : inCategory.slice(0, search.limit)).map(toBoardItem);
      return {
        items,
        counts: countByCategory(filtered),
        languages: [...new Set(board.map((i) => i.language))].sort(),
        topicNames: topicNames(topics, items, search.uiLanguage),
        unsafeIds,
      };
    },
  };
}

/** A predicate for the free-text query; every word must match somewhere. */
function textMatcher(query: string | undefined, topics: Topic[]): (item: ContentItem) => boolean {
  const words = (query ?? '').toLowerCase().split(/\s+/).filter((w) => w.length > 0);
  if (words.length === 0) return () => true;
  const topicText = new Map(topics.map((t) => [t.id, [t.id, ...Object.values(t.name)].join(' ').toLowerCase()]));
  return (item) => {
    const haystack = [
      item.title,
      item.summary,
      item.language,
      LANGUAGE_ENDONYMS[item.language],
      ...item.topics.map((id) => topicText.get(id) ?? id),
    ]
      .join(' ')
      .toLowerCase();
    return words.every((w) => haystack.includes(w));
  };
}

function toBoardItem(item: ContentItem): BoardItem {
  return {
    id: item.id,
    title: item.title,
    url: item.url,
    summary: item.summary,
    ...(item.imageUrl && isSafeUrl(item.imageUrl) ? { imageUrl: item.imageUrl } : {}),
    language: item.language,
    category: item.category,
    topics: item.topics,
    publishedAt: item.publishAt ?? item.createdAt,
  };
}

function newestFirst(a: ContentItem, b: ContentItem): number {
  return Date.parse(b.publishAt ?? b.createdAt) - Date.parse(a.publishAt ?? a.createdAt) || a.id.localeCompare(b.id);
}

function countByCategory(items: ContentItem[]): BoardCounts {
  const counts: BoardCounts = { all: items.length, company: 0, industry: 0, 'personal-interest': 0 };
  for (const item of items) counts[item.category] += 1;
  return counts;
}

function topicNames(topics: Topic[], items: BoardItem[], language: Language): Record<string, string> {
  const used = new Set(items.flatMap((i) => i.topics));
  return Object.fromEntries(topics.filter((t) => used.has(t.id)).map((t) => [t.id, t.name[language] ?? t.name.en]));
}
