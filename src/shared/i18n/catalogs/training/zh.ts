import type { TrainingCatalog } from './index.js';

export const zh: TrainingCatalog = {
  title: 'Training',
};
