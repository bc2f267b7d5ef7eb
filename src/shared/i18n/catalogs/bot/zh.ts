import type { BotCatalog } from './index.js';

export const zh: BotCatalog = {
  placeholder: 'placeholder',
};
