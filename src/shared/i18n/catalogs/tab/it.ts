import type { TabCatalog } from './index.js';

export const it: TabCatalog = {
  placeholder: 'placeholder',
};
