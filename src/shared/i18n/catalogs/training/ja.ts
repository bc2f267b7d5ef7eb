import type { TrainingCatalog } from './index.js';

export const ja: TrainingCatalog = {
  title: 'Training',
};
