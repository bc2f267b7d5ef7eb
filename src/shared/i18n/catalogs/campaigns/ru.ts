import type { CampaignsCatalog } from './index.js';

export const ru: CampaignsCatalog = {
  title: 'Campaigns',
};
