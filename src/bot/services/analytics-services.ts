/**
 * Builds the analytics and pilot services over the app's repositories, for `createAppServices`
 * (one line there), the tests and the benchmark.
 */
import type { TrainingProgress } from '../../shared/domain/training.js';
import type { AnalyticsAggregateRepository, AnalyticsEventRepository, PilotRecordRepository } from './analytics.ports.js';
import { createAnalyticsService, type AnalyticsService } from './analytics.service.js';
import { createPilotService, type PilotService } from './pilot.service.js';
import type { Repositories } from './ports.js';
import type { MeasurementRepositories } from './scoring.ports.js';
import type { TrainingStores } from './training.ports.js';

/** The repositories analytics and the pilot add to the app's. */
export interface AnalyticsRepositories {
  analyticsAggregates: AnalyticsAggregateRepository;
  analyticsEvents: AnalyticsEventRepository;
  pilotRecords: PilotRecordRepository;
}

export interface AnalyticsServices {
  analytics: AnalyticsService;
  pilot: PilotService;
}

/** Wire both services; training progress feeds the pilot's "training done" when the stores exist. */
export function createAnalyticsServices(
  repositories: Repositories & MeasurementRepositories & AnalyticsRepositories & { training?: TrainingStores },
  options: { clock?: () => Date; logger?: { warn(details: object, message: string): void }; currency?: string } = {},
): AnalyticsServices {
  const training = repositories.training;
  return {
    analytics: createAnalyticsService({
      aggregates: repositories.analyticsAggregates,
      events: repositories.analyticsEvents,
      archive: repositories.eventArchive,
      people: (tenantId) => repositories.employees.listByTenant(tenantId),
      content: repositories.content,
      topics: repositories.topics,
      ...options,
    }),
    pilot: createPilotService({
      pilots: repositories.pilots,
      records: repositories.pilotRecords,
      employees: repositories.employees,
      shares: repositories.shares,
      clicks: repositories.clicks,
      policies: repositories.policies,
      content: repositories.content,
      topics: repositories.topics,
      wins: repositories.wins,
      ...(training ? { trainingProgress: async (tenantId: string) => toTrainingProgress(await training.progress.listByTenant(tenantId)) } : {}),
      ...(options.clock ? { clock: options.clock } : {}),
    }),
  };
}

function toTrainingProgress(records: Awaited<ReturnType<TrainingStores['progress']['listByTenant']>>): TrainingProgress[] {
  return records.flatMap((r): TrainingProgress[] => {
    if (r.status === 'completed') return [{ employeeId: r.employeeId, moduleId: r.moduleId, status: 'completed', at: r.completedAt ?? r.startedAt ?? '' }];
    if (r.status === 'started') return [{ employeeId: r.employeeId, moduleId: r.moduleId, status: 'started', at: r.startedAt ?? '' }];
    return [];
  });
}
