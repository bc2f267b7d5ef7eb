/**
 * The content board: what is live for a tenant, filtered and searched, ranked for the reader by
 * the domain's targeting score, with topic names in the reader's language. One use case for every
 * door that shows the board: the tab API (`GET /api/board`), the `board` chat command and the
 * message extension's search.
 */
import { isSafeUrl, type BoardCounts, type BoardItem } from '../../shared/contracts/board.js';
import { isLive, matchesAudience, scoreOffer, type TargetingPerson } from '../../shared/domain/targeting.js';
import type { ContentCategory, ContentItem, Language, Network, Topic } from '../../shared/domain/types.js';
import { LANGUAGE_ENDONYMS } from '../../shared/i18n/language-names.js';
import type { ContentRepository, EmployeeRepository, ShareRepository, TopicRepository } from './ports.js';

/** What to list. Filters are optional; `uiLanguage` picks the topic names' language. */
export interface BoardSearch {
  /** Free text matched (case-insensitive) against title, summary, topic names in any language and the item's language. */
  query?: string;
  language?: Language;
  category?: ContentCategory;
  /** Items tagged with this topic id. */
  topic?: string;
  /** Items for this team: targeted at it or at everyone (the domain's audience rule on the team alone). */
  team?: string;
  uiLanguage: Language;
  /** The reader: when given and enrolled, items are ranked by relevance to them and carry what they shared. */
  employeeId?: string;
  /** Cap on the items returned (after sorting). */
  limit?: number;
}

/** The board as every surface shows it. */
export interface BoardView {
  /** Matching items: most relevant to the reader first (newest first without a reader). */
  items: BoardItem[];
  /** Per category, after every filter but the category (for the category tabs). */
  counts: BoardCounts;
  /** Languages present on the whole live board (so a language picker never offers an empty choice). */
  languages: Language[];
  /** Topic id -> name in `uiLanguage` (English fallback) for the topics of the live board. */
  topicNames: Record<string, string>;
  /** Topic ids used on the live board, sorted by their name in `uiLanguage`. */
  topics: string[];
  /** Teams that some live item targets, sorted. */
  teams: string[];
  /** Published items left off because their url is not http(s): the caller logs them. */
  unsafeIds: string[];
}

export interface BoardService {
  searchBoard(tenantId: string, search: BoardSearch, now: Date): Promise<BoardView>;
}

/** What the board reads; `employees` and `shares` rank the board for its reader (optional for the chat doors). */
export interface BoardServiceDeps {
  content: ContentRepository;
  topics: TopicRepository;
  employees?: Pick<EmployeeRepository, 'find'>;
  shares?: Pick<ShareRepository, 'listByEmployee'>;
}

export function createBoardService(deps: BoardServiceDeps): BoardService {
  async function readerOf(tenantId: string, employeeId: string | undefined) {
    if (employeeId === undefined) return { person: undefined, sharedOn: new Map<string, Network[]>() };
    const [found, shares] = await Promise.all([
      deps.employees?.find(tenantId, employeeId),
      deps.shares ? deps.shares.listByEmployee(tenantId, employeeId) : Promise.resolve([]),
    ]);
    const sharedOn = new Map<string, Network[]>();
    for (const share of shares) {
      const networks = sharedOn.get(share.contentId) ?? [];
      if (!networks.includes(share.network)) networks.push(share.network);
      sharedOn.set(share.contentId, networks);
    }
    return { person: found?.value as TargetingPerson | undefined, sharedOn };
  }

  return {
    async searchBoard(tenantId, search, now) {
      const [published, topics, reader] = await Promise.all([
        deps.content.list(tenantId, { status: 'published' }),
        deps.topics.list(tenantId),
        readerOf(tenantId, search.employeeId),
      ]);
      const unsafeIds = published.filter((i) => !isSafeUrl(i.url)).map((i) => i.id);
      const at = now.toISOString();
      const board = published.filter((i) => isLive(i, at) && isSafeUrl(i.url));
      const ranked = rank(board, reader.person, at);
      const matches = textMatcher(search.query, topics);
      const filtered = ranked.filter(
        (i) =>
          (!search.language || i.language === search.language) &&
          (!search.topic || i.topics.includes(search.topic)) &&
          (!search.team || i.targetTeams.length === 0 || i.targetTeams.includes(search.team)) &&
          matches(i),
      );
      const inCategory = search.category ? filtered.filter((i) => i.category === search.category) : filtered;
      const limited = search.limit === undefined ? inCategory : inCategory.slice(0, search.limit);
      const items = limited.map((i) => toBoardItem(i, reader.sharedOn.get(i.id) ?? []));
      const names = topicNames(topics, board, search.uiLanguage);
      return {
        items,
        counts: countByCategory(filtered),
        languages: [...new Set(board.map((i) => i.language))].sort(),
        topicNames: names,
        topics: Object.keys(names).sort((a, b) => (names[a] ?? a).localeCompare(names[b] ?? b, search.uiLanguage) || a.localeCompare(b)),
        teams: [...new Set(board.flatMap((i) => i.targetTeams))].sort((a, b) => a.localeCompare(b)),
        unsafeIds,
      };
    },
  };
}

/**
 * Most relevant first for the reader (domain `scoreOffer`: followed topics, own team, language,
 * persona, freshness, category), items outside the reader's audience after the rest; without a
 * reader, newest first. Ties: newer first, then id.
 */
function rank(items: ContentItem[], person: TargetingPerson | undefined, at: string): ContentItem[] {
  if (!person) return [...items].sort(newestFirst);
  const scored = items.map((item) => ({ item, inAudience: matchesAudience(item, person), score: scoreOffer(item, person, at).score }));
  scored.sort((a, b) => Number(b.inAudience) - Number(a.inAudience) || b.score - a.score || newestFirst(a.item, b.item));
  return scored.map((s) => s.item);
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

function toBoardItem(item: ContentItem, sharedOn: Network[]): BoardItem {
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
    sharedOn,
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

function topicNames(topics: Topic[], items: Pick<ContentItem, 'topics'>[], language: Language): Record<string, string> {
  const used = new Set(items.flatMap((i) => i.topics));
  return Object.fromEntries(topics.filter((t) => used.has(t.id)).map((t) => [t.id, t.name[language] ?? t.name.en]));
}
