import type { AdminCatalog } from './index.js';

export const it: AdminCatalog = {
  title: 'Admin',
};
