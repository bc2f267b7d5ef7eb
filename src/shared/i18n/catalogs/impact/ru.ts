import type { ImpactCatalog } from './index.js';

export const ru: ImpactCatalog = {
  title: 'Impact',
};
