/** Page per route, each loaded lazily so the first paint only ships the shell. */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { RouteName } from './router.js';

export const pages: Record<RouteName, LazyExoticComponent<ComponentType>> = {
  board: lazy(() => import('../board/board-page.js').then((m) => ({ default: m.BoardPage }))),
  impact: lazy(() => import('../impact/impact-page.js').then((m) => ({ default: m.ImpactPage }))),
  leaderboard: lazy(() => import('../leaderboard/leaderboard-page.js').then((m) => ({ default: m.LeaderboardPage }))),
  topics: lazy(() => import('../topics/topics-page.js').then((m) => ({ default: m.TopicsPage }))),
  policy: lazy(() => import('../policy/policy-page.js').then((m) => ({ default: m.PolicyPage }))),
  training: lazy(() => import('../training/training-page.js').then((m) => ({ default: m.TrainingPage }))),
  pilot: lazy(() => import('../pilot/pilot-page.js').then((m) => ({ default: m.PilotPage }))),
  analytics: lazy(() => import('../analytics/analytics-page.js').then((m) => ({ default: m.AnalyticsPage }))),
  admin: lazy(() => import('../admin/admin-page.js').then((m) => ({ default: m.AdminPage }))),
};
