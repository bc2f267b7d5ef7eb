/** Page per route, each loaded lazily so the first paint only ships the shell. */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { RouteName } from './router.js';

export const pages: Record<RouteName, LazyExoticComponent<ComponentType>> = {
  board: lazy(() => import('../board/board-page.js').then((m) => ({ default: m.BoardPage }))),
};
