import type { TrainingCatalog } from './index.js';

export const it: TrainingCatalog = {
  title: 'Training',
};
