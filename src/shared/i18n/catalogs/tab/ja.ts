import type { TabCatalog } from './index.js';

export const ja: TabCatalog = {
  placeholder: 'placeholder',
};
