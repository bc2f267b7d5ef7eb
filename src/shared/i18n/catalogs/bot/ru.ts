import type { BotCatalog } from './index.js';

export const ru: BotCatalog = {
  placeholder: 'placeholder',
};
