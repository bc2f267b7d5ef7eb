/** The Pilot page's data and its writes (each answers the whole page again). */
import { PilotResponseSchema, type PilotResponse } from '../../shared/contracts/pilot.js';
import type { ApiClient } from '../api/client.js';
import { useApiResource, type ResourceState } from '../impact/use-api.js';

export function usePilot(): ResourceState<PilotResponse> {
  return useApiResource((api, signal) => api.get('/api/pilot', PilotResponseSchema, { signal }), []);
}

export const pilotWrites = {
  tick: (api: ApiClient, item: string, checked: boolean) => api.send('PUT', `/api/pilot/checklist/${encodeURIComponent(item)}`, PilotResponseSchema, { checked }),
  goals: (api: ApiClient, goals: string[]) => api.send('PUT', '/api/pilot/goals', PilotResponseSchema, { goals }),
  phase: (api: ApiClient, to: string) => api.send('POST', '/api/pilot/phase', PilotResponseSchema, { to }),
  decide: (api: ApiClient, decision: 'go' | 'no-go', reason: string) => api.send('POST', '/api/pilot/decision', PilotResponseSchema, { decision, reason }),
};
