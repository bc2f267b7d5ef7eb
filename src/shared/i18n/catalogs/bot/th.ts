import type { BotCatalog } from './index.js';

export const th: BotCatalog = {
  placeholder: 'placeholder',
};
