/** Admin > Contests API calls, answers parsed with `src/shared/contracts/contests.ts`. */
import { AdminContestListSchema, AdminContestSchema, ContestDeletedSchema, type ContestInput } from '../../shared/contracts/contests.js';
import type { ApiClient } from '../api/client.js';

export const contestsApi = {
  list: (api: ApiClient, signal?: AbortSignal) => api.get('/api/admin/contests', AdminContestListSchema, signal ? { signal } : {}),
  create: (api: ApiClient, input: ContestInput) => api.send('POST', '/api/admin/contests', AdminContestSchema, input),
  /** Save at `version` (the one listed): a contest someone else saved since is refused with 409 `conflict`. */
  update: (api: ApiClient, id: string, input: ContestInput, version?: string) => api.send('PUT', `/api/admin/contests/${encodeURIComponent(id)}`, AdminContestSchema, { ...input, ...(version ? { version } : {}) }),
  /** Delete a contest that has not started (409 `contestStarted` / `contestEnded` otherwise). */
  remove: (api: ApiClient, id: string, version: string) => api.send('DELETE', `/api/admin/contests/${encodeURIComponent(id)}`, ContestDeletedSchema, { version }),
  /** End a running contest now (its results freeze). */
  end: (api: ApiClient, id: string, version: string) => api.send('POST', `/api/admin/contests/${encodeURIComponent(id)}/end`, AdminContestSchema, { version }),
};
