import type { AdminCatalog } from './index.js';

export const ja: AdminCatalog = {
  title: 'Admin',
};
