import type { CampaignsCatalog } from './index.js';

export const zh: CampaignsCatalog = {
  title: 'Campaigns',
};
