/**
 * A minimal hash router (`#/board`, `#/impact`, `#/board/item/<id>`, ...). Teams static tabs each
 * load their own `contentUrl`, so pages only need a stable hash per tab plus an optional path
 * below it (a deep link to one item) and query (`#/board?topic=ai`).
 */
import { useEffect, useState } from 'react';
import { PAGES, type PageName } from '../../shared/contracts/me.js';

/** Route names the tab knows: the pages of the shared contract (`PAGES`). */
export const ROUTES = PAGES;
export type RouteName = PageName;
export const DEFAULT_ROUTE: RouteName = 'board';

/** A parsed hash: the route, the path segments below it, and its query. */
export interface HashLocation {
  route: RouteName | undefined;
  /** Decoded segments after the route: `#/board/item/abc` gives `['item', 'abc']`. */
  rest: string[];
  params: URLSearchParams;
}

/** The route of a hash, `undefined` for an unknown one; an empty hash is the default route. */
export function parseHash(hash: string): RouteName | undefined {
  return parseHashLocation(hash).route;
}

/** The full location of a hash. */
export function parseHashLocation(hash: string): HashLocation {
  const body = hash.replace(/^#\/?/, '');
  const [path = '', query = ''] = body.split('?', 2);
  const segments = path.split('/').filter((s) => s !== '').map(safeDecode);
  const first = segments[0] ?? '';
  const route = first === '' ? DEFAULT_ROUTE : (ROUTES as readonly string[]).includes(first) ? (first as RouteName) : undefined;
  return { route, rest: segments.slice(1), params: new URLSearchParams(query) };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The current hash location, following `hashchange`. */
export function useHashLocation(): HashLocation {
  const [location, setLocation] = useState(() => parseHashLocation(window.location.hash));
  useEffect(() => {
    const onChange = () => setLocation(parseHashLocation(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return location;
}

/** The current route, following `hashchange`. */
export function useHashRoute(): RouteName | undefined {
  return useHashLocation().route;
}

/** The href of a route, optionally with path segments below it: `routeHref('board', 'item', id)`. */
export function routeHref(route: RouteName, ...rest: string[]): string {
  return `#/${[route, ...rest.map(encodeURIComponent)].join('/')}`;
}

/**
 * The hash a Teams deep link's sub-entity opens (`subEntityId` in the link's context, given to
 * the tab as `page.subPageId`): `item:<id>` opens the board's share panel on that item,
 * `topic:<id>` that topic's hub.
 */
export function hashForSubPage(subPageId: string | undefined): string | undefined {
  // The policy card's "Read the full policy" in Teams (`policyTabUrl`, sub-entity `policy`).
  if (subPageId === 'policy') return routeHref('policy');
  // The topic decision card's "Open the hub" in Teams (`topicHubUrl`, sub-entity `topic:<id>`).
  const topic = /^topic:(.+)$/.exec(subPageId ?? '');
  if (topic?.[1]) return routeHref('topics', topic[1]);
  const match = /^item:(.+)$/.exec(subPageId ?? '');
  return match?.[1] ? routeHref('board', 'item', match[1]) : undefined;
}
