/**
 * The board's filters in its URL (`#/board?category=industry&topic=ai&q=teams`), so a filtered
 * board can be bookmarked, pinned as a tab or sent to a colleague, and survives a reload. Unknown
 * or malformed values are ignored (the board shows everything for them).
 */
import { CONTENT_CATEGORIES, SUPPORTED_LANGUAGES, type ContentCategory, type Language } from '../../shared/domain/types.js';
import type { BoardFilterValues } from './board-filters.js';

/** Longest topic, team or search text taken from a URL (the API refuses longer ones anyway). */
const MAX_PARAM = 100;

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;

const text = (value: string | null): string | undefined => {
  const trimmed = value?.trim() ?? '';
  return trimmed !== '' && trimmed.length <= MAX_PARAM ? trimmed : undefined;
};

/** The filters a board URL's query asks for. */
export function filtersFromParams(params: URLSearchParams): BoardFilterValues {
  return {
    category: oneOf<ContentCategory>(CONTENT_CATEGORIES, params.get('category')),
    language: oneOf<Language>(SUPPORTED_LANGUAGES, params.get('language')),
    topic: text(params.get('topic')),
    team: text(params.get('team')),
    text: text(params.get('q')) ?? '',
  };
}

/** The query of the filters (empty when none is set), without the leading `?`. */
export function paramsOfFilters(filters: BoardFilterValues): string {
  const params = new URLSearchParams();
  if (filters.category) params.set('category', filters.category);
  if (filters.language) params.set('language', filters.language);
  if (filters.topic) params.set('topic', filters.topic);
  if (filters.team) params.set('team', filters.team);
  const q = filters.text.trim();
  if (q !== '') params.set('q', q);
  return params.toString();
}

/** `#/board` with the filters' query. */
export function boardHash(filters: BoardFilterValues): string {
  const query = paramsOfFilters(filters);
  return query === '' ? '#/board' : `#/board?${query}`;
}
