import type { AnalyticsCatalog } from './index.js';

export const it: AnalyticsCatalog = {
  title: 'Analytics',
};
