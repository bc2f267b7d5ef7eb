import type { TrainingCatalog } from './index.js';

export const ru: TrainingCatalog = {
  title: 'Training',
};
