import type { CampaignsCatalog } from './index.js';

export const it: CampaignsCatalog = {
  title: 'Campaigns',
};
