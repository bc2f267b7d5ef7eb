import type { AnalyticsCatalog } from './index.js';

export const ja: AnalyticsCatalog = {
  title: 'Analytics',
};
