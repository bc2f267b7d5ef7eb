import type { ImpactCatalog } from './index.js';

export const ja: ImpactCatalog = {
  title: 'Impact',
};
