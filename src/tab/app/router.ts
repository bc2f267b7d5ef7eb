/**
 * A minimal hash router (`#/board`, later `#/impact`, `#/training`, ...). Teams static tabs each
 * load their own `contentUrl`, so pages only need a stable hash per tab, not nested routes.
 */
import { useEffect, useState } from 'react';

/** Route names the tab knows; later tabs add theirs here and in `routes.tsx`. */
export const ROUTES = ['board'] as const;
export type RouteName = (typeof ROUTES)[number];
export const DEFAULT_ROUTE: RouteName = 'board';

/** The route of a hash, `undefined` for an unknown one; an empty hash is the default route. */
export function parseHash(hash: string): RouteName | undefined {
  const path = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  if (path === '') return DEFAULT_ROUTE;
  return (ROUTES as readonly string[]).includes(path) ? (path as RouteName) : undefined;
}

/** The current route, following `hashchange`. */
export function useHashRoute(): RouteName | undefined {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

/** The href of a route, for links. */
export function routeHref(route: RouteName): string {
  return `#/${route}`;
}
