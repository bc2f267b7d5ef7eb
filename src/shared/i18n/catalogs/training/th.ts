import type { TrainingCatalog } from './index.js';

export const th: TrainingCatalog = {
  title: 'Training',
};
