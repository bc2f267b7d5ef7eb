import type { AnalyticsCatalog } from './index.js';

export const zh: AnalyticsCatalog = {
  title: 'Analytics',
};
