import type { AdminCatalog } from './index.js';

export const ru: AdminCatalog = {
  title: 'Admin',
};
