import type { AdminCatalog } from './index.js';

export const zh: AdminCatalog = {
  title: 'Admin',
};
