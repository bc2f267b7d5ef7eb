import type { BotCatalog } from './index.js';

export const ja: BotCatalog = {
  placeholder: 'placeholder',
};
