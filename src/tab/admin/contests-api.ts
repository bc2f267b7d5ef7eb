/** Admin > Contests API calls, answers parsed with `src/shared/contracts/contests.ts`. */
import { AdminContestListSchema, AdminContestSchema, type ContestInput } from '../../shared/contracts/contests.js';
import type { ApiClient } from '../api/client.js';

export const contestsApi = {
  list: (api: ApiClient, signal?: AbortSignal) => api.get('/api/admin/contests', AdminContestListSchema, signal ? { signal } : {}),
  create: (api: ApiClient, input: ContestInput) => api.send('POST', '/api/admin/contests', AdminContestSchema, input),
  update: (api: ApiClient, id: string, input: ContestInput) => api.send('PUT', `/api/admin/contests/${encodeURIComponent(id)}`, AdminContestSchema, input),
};
