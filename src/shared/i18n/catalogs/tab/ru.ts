import type { TabCatalog } from './index.js';

export const ru: TabCatalog = {
  placeholder: 'placeholder',
};
