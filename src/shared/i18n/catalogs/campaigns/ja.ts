import type { CampaignsCatalog } from './index.js';

export const ja: CampaignsCatalog = {
  title: 'Campaigns',
};
