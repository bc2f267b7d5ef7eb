import type { ImpactCatalog } from './index.js';

export const zh: ImpactCatalog = {
  title: 'Impact',
};
