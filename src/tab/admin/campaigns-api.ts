/** The campaign API as Admin > Campaigns calls it; every answer parsed with `src/shared/contracts/campaigns.ts`. */
import { AudienceOptionsSchema, CampaignDeletedSchema, CampaignListSchema, CampaignPreviewSchema, CampaignSchema, CampaignStatusSchema, CampaignVersionedSchema, LaunchResultSchema, type CreateCampaignInput, type UpdateCampaignInput } from '../../shared/contracts/campaigns.js';
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
  /** Launch the draft at the version its preview was computed for (a draft changed since is refused with 409). */
  launch: (api: ApiClient, id: string, version: string) => api.send('POST', `/api/campaigns/${enc(id)}/launch`, LaunchResultSchema, { version }),
  act: (api: ApiClient, id: string, action: CampaignAction) => api.send('POST', `/api/campaigns/${enc(id)}/${action}`, CampaignSchema),
  /** Save a draft's edit at the version the admin opened (409 `conflict` when someone saved first). */
  update: (api: ApiClient, id: string, input: UpdateCampaignInput) => api.send('PUT', `/api/campaigns/${enc(id)}`, CampaignVersionedSchema, input),
  remove: (api: ApiClient, id: string, version: string) => api.send('DELETE', `/api/campaigns/${enc(id)}`, CampaignDeletedSchema, { version }),
  duplicate: (api: ApiClient, id: string) => api.send('POST', `/api/campaigns/${enc(id)}/duplicate`, CampaignSchema),
};
