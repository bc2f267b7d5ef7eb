import type { CampaignsCatalog } from './index.js';

export const th: CampaignsCatalog = {
  title: 'Campaigns',
};
