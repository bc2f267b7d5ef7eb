import type { BotCatalog } from './index.js';

export const it: BotCatalog = {
  placeholder: 'placeholder',
};
