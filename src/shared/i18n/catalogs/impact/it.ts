import type { ImpactCatalog } from './index.js';

export const it: ImpactCatalog = {
  title: 'Impact',
};
