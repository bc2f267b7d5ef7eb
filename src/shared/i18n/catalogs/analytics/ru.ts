import type { AnalyticsCatalog } from './index.js';

export const ru: AnalyticsCatalog = {
  title: 'Analytics',
};
