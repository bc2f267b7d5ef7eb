/** The Topics API as the tab calls it (Topics page and Admin > Topics); answers parsed with `shared/contracts/topics.ts`. */
import { z } from 'zod';
import {
  HubDetailSchema,
  HubListSchema,
  HubPeopleSchema,
  ProposalListSchema,
  ProposalViewSchema,
  RoleChangeSchema,
  type HubInput,
  type InfluencerInput,
  type ProposeInput,
} from '../../shared/contracts/topics.js';
import type { TopicRole } from '../../shared/domain/types.js';
import type { ApiClient } from '../api/client.js';

const enc = encodeURIComponent;
const hub = (id: string) => `/api/topics/${enc(id)}`;
const adminHub = (id: string) => `/api/admin/topics/${enc(id)}`;
const Saved = z.object({ id: z.string() }).passthrough();

export const topicsApi = {
  list: (api: ApiClient, signal?: AbortSignal) => api.get('/api/topics', HubListSchema, signal ? { signal } : {}),
  detail: (api: ApiClient, id: string, signal?: AbortSignal) => api.get(hub(id), HubDetailSchema, signal ? { signal } : {}),
  myProposals: (api: ApiClient, signal?: AbortSignal) => api.get('/api/topics/proposals/mine', ProposalListSchema, signal ? { signal } : {}),
  propose: (api: ApiClient, id: string, input: ProposeInput) => api.send('POST', `${hub(id)}/proposals`, ProposalViewSchema, input),
  addInfluencer: (api: ApiClient, id: string, input: InfluencerInput) => api.send('POST', `${hub(id)}/influencers`, Saved, input),
  editInfluencer: (api: ApiClient, id: string, entryId: string, input: InfluencerInput) => api.send('PUT', `${hub(id)}/influencers/${enc(entryId)}`, Saved, input),
  removeInfluencer: (api: ApiClient, id: string, entryId: string) => api.send('DELETE', `${hub(id)}/influencers/${enc(entryId)}`, z.object({ removed: z.string() })),
  createHub: (api: ApiClient, input: HubInput) => api.send('POST', '/api/admin/topics', Saved, input),
  updateHub: (api: ApiClient, id: string, input: HubInput) => api.send('PUT', adminHub(id), Saved, input),
  people: (api: ApiClient, signal?: AbortSignal) => api.get('/api/admin/topics/people', HubPeopleSchema, signal ? { signal } : {}),
  assign: (api: ApiClient, id: string, employeeId: string, role: TopicRole) => api.send('PUT', `${adminHub(id)}/roles/${enc(employeeId)}`, RoleChangeSchema, { role }),
  unassign: (api: ApiClient, id: string, employeeId: string) => api.send('DELETE', `${adminHub(id)}/roles/${enc(employeeId)}`, RoleChangeSchema),
  pending: (api: ApiClient, signal?: AbortSignal) => api.get('/api/admin/topics/proposals', ProposalListSchema, { query: { status: 'pending' }, ...(signal ? { signal } : {}) }),
  accept: (api: ApiClient, proposalId: string) => api.send('POST', `/api/admin/topics/proposals/${enc(proposalId)}/accept`, Saved),
  decline: (api: ApiClient, proposalId: string, reason: string) => api.send('POST', `/api/admin/topics/proposals/${enc(proposalId)}/decline`, Saved, { reason }),
  setOwners: (api: ApiClient, id: string, entryId: string, ownerIds: string[]) => api.send('PUT', `${adminHub(id)}/influencers/${enc(entryId)}/owners`, Saved, { ownerIds }),
};
