/** The campaign API as Admin > Campaigns calls it; every answer parsed with `src/shared/contracts/campaigns.ts`. */
import { AudienceOptionsSchema, CampaignListSchema, CampaignPreviewSchema, CampaignSchema, CampaignStatusSchema, LaunchResultSchema, type CreateCampaignInput } from '../../shared/contracts/campaigns.js';
import type { ApiClient } from '../api/client.js';

const enc = encodeURIComponent;
const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});

/** The actions a campaign's detail offers after launch. */
export type CampaignAction = 'pause' | 'resume' | 'cancel';

export const campaignsApi = {
  list: (api: ApiClient, signal?: AbortSignal) => api.get('/api/campaigns', CampaignListSchema, { ...withSignal(signal), query: { kind: 'share' } }),
  audience: (api: ApiClient, signal?: AbortSignal) => api.get('/api/campaigns/audience', AudienceOptionsSchema, withSignal(signal)),
  create: (api: ApiClient, input: CreateCampaignInput) => api.send('POST', '/api/campaigns', CampaignSchema, input),
  preview: (api: ApiClient, id: string, signal?: AbortSignal) => api.get(`/api/campaigns/${enc(id)}/preview`, CampaignPreviewSchema, withSignal(signal)),
  status: (api: ApiClient, id: string, signal?: AbortSignal) => api.get(`/api/campaigns/${enc(id)}`, CampaignStatusSchema, withSignal(signal)),
  launch: (api: ApiClient, id: string) => api.send('POST', `/api/campaigns/${enc(id)}/launch`, LaunchResultSchema),
  act: (api: ApiClient, id: string, action: CampaignAction) => api.send('POST', `/api/campaigns/${enc(id)}/${action}`, CampaignSchema),
};
