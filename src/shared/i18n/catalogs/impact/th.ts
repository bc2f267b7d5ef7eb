import type { ImpactCatalog } from './index.js';

export const th: ImpactCatalog = {
  title: 'Impact',
};
