import type { AnalyticsCatalog } from './index.js';

export const th: AnalyticsCatalog = {
  title: 'Analytics',
};
