import type { AdminCatalog } from './index.js';

export const th: AdminCatalog = {
  title: 'Admin',
};
