import type { TabCatalog } from './index.js';

export const zh: TabCatalog = {
  placeholder: 'placeholder',
};
