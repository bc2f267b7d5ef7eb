/**
 * The training API as the Training page and My impact call it: every answer parsed with the
 * shared contract (`src/shared/contracts/training.ts`).
 */

import {
  MyTrainingItemSchema,
  MyTrainingResponseSchema,
  TrainingModuleListSchema,
  TrainingModuleSchema,
  TrainingProgressResponseSchema,
  TrainingPushListSchema,
  TrainingPushResultSchema,
  TrainingPushSchema,
  type MyTrainingAction,
  type TrainingModuleInput,
  type TrainingModuleQuery,
  type TrainingPushInput,
} from '../../shared/contracts/training.js';
import type { ApiClient } from '../api/client.js';

const path = (id: string) => `/api/training/modules/${encodeURIComponent(id)}`;

export const trainingApi = {
  modules: (api: ApiClient, query: Omit<TrainingModuleQuery, 'lang'>, signal?: AbortSignal) =>
    api.get('/api/training/modules', TrainingModuleListSchema, { query: { ...query }, ...(signal ? { signal } : {}) }),
  create: (api: ApiClient, input: TrainingModuleInput) => api.send('POST', '/api/training/modules', TrainingModuleSchema, input),
  update: (api: ApiClient, id: string, input: TrainingModuleInput) => api.send('PUT', path(id), TrainingModuleSchema, input),
  transition: (api: ApiClient, id: string, action: 'publish' | 'retire') => api.send('POST', `${path(id)}/${action}`, TrainingModuleSchema),
  push: (api: ApiClient, id: string, input: TrainingPushInput) => api.send('POST', `${path(id)}/push`, TrainingPushResultSchema, input),
  pushes: (api: ApiClient, signal?: AbortSignal) => api.get('/api/training/pushes', TrainingPushListSchema, signal ? { signal } : {}),
  stopPush: (api: ApiClient, id: string) => api.send('POST', `/api/training/pushes/${encodeURIComponent(id)}/stop`, TrainingPushSchema),
  progress: (api: ApiClient, stuckAfterDays: number, signal?: AbortSignal) =>
    api.get('/api/training/progress', TrainingProgressResponseSchema, { query: { stuckAfterDays }, ...(signal ? { signal } : {}) }),
  module: (api: ApiClient, id: string) => api.get(`/api/training/me/modules/${encodeURIComponent(id)}`, MyTrainingItemSchema),
  mine: (api: ApiClient, signal?: AbortSignal) => api.get('/api/training/me', MyTrainingResponseSchema, signal ? { signal } : {}),
  act: (api: ApiClient, id: string, action: MyTrainingAction) =>
    api.send('POST', `/api/training/me/modules/${encodeURIComponent(id)}/${action}`, MyTrainingItemSchema),
};

