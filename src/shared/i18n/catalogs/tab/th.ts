import type { TabCatalog } from './index.js';

export const th: TabCatalog = {
  placeholder: 'placeholder',
};
