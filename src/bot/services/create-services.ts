/**
 * The use cases wired once over the repositories, for the composition root (`src/bot/index.ts`)
 * and the bot tests alike, so the HTTP routes and the Teams layer share one instance of each
 * (one share service whatever the door).
 */
import { randomBytes } from 'node:crypto';
import type { Language } from '../../shared/domain/types.js';
import { createBoardService, type BoardService } from './board.service.js';
import { createOnboardingService, type OnboardingDeps, type OnboardingService } from './onboarding.service.js';
import { createPolicyService, policyTabUrl, type PolicyService } from './policy.service.js';
import { createMeasurementServices, type MeasurementOptions, type MeasurementServices } from './measurement.js';
import type { Repositories } from './ports.js';
import type { MeasurementRepositories } from './scoring.ports.js';
import { createSharingService, type SharingService } from './sharing.service.js';
import { createLinkCodes } from './link-codes.js';
import type { TrainingStores } from './training.ports.js';
import { createTrainingService, type TrainingService } from './training.service.js';
import { createTrainingPushService, type TrainingPushService } from './training-push.service.js';
import { createAnalyticsServices, type AnalyticsRepositories, type AnalyticsServices } from './analytics-services.js';

/**
 * The services the app's doors call: measurement (scoring, leaderboard, live counts, wins, weekly
 * update, conversions) and the share flow, wired to each other here (a recorded share and a
 * persona level-up reach scoring and wins).
 */
export interface AppServices extends MeasurementServices, AnalyticsServices {
  onboarding: OnboardingService;
  policy: PolicyService;
  sharing: SharingService;
  board: BoardService;
  /** Training modules, answers and progress (issue 11). */
  training: TrainingService;
  /** Training pushes (nudges now or on a cadence); its dispatcher is attached with the delivery pipeline. */
  trainingPush: TrainingPushService;
}

/** Options of {@link createAppServices}. */
export interface AppServicesOptions {
  /** Public origin of links and the tab (config `publicBaseUrl`). */
  publicBaseUrl: string;
  /** Teams app id for deep links; without it links point at the tab URL. */
  teamsAppId?: string;
  clock?: () => Date;
  /** Where the policy card's "read the full policy" points; default: the tab. */
  policyUrl?: (language: Language, tenantId: string) => string;
  logger?: { warn(details: object, message: string): void };
  measurement?: Omit<MeasurementOptions, 'now' | 'logger'>;
  /** Key of the link/prompt code tag (config `protection.linkCodeKey`); default: the dev key. */
  linkCodeKey?: string;
  /** Defaults for people who enrol from chat, as Admin > Settings saved them (weekly cap, working days). */
  enrolmentDefaults?: OnboardingDeps['programmeDefaults'];
}

/** Build every service over `repositories`. */
export function createAppServices(repositories: Repositories & MeasurementRepositories & { training: TrainingStores } & AnalyticsRepositories, options: AppServicesOptions): AppServices {
  const clock = options.clock ?? (() => new Date());
  const measurement = createMeasurementServices(repositories, {
    now: clock,
    ...(options.logger ? { logger: options.logger } : {}),
    ...options.measurement,
  });
  const newTrainingId = () => randomBytes(6).toString('hex');
  const training = createTrainingService({
    stores: repositories.training,
    employees: repositories.employees,
    wins: measurement.wins,
    clock,
    newId: newTrainingId,
    ...(options.logger ? { logger: options.logger } : {}),
  });
  return {
    ...measurement,
    ...createAnalyticsServices(repositories, { clock, ...(options.logger ? { logger: options.logger } : {}) }),
    training,
    trainingPush: createTrainingPushService({ stores: repositories.training, employees: repositories.employees, training, clock, newId: newTrainingId, ...(options.logger ? { logger: options.logger } : {}) }),
    onboarding: createOnboardingService({
      employees: repositories.employees,
      topics: repositories.topics,
      onPersonaChange: (tenantId, employeeId, from, to, at) => measurement.wins.recordPersonaChange(tenantId, employeeId, from, to, at),
      ...(options.enrolmentDefaults ? { programmeDefaults: options.enrolmentDefaults } : {}),
    }),
    policy: createPolicyService({
      policies: repositories.policies,
      employees: repositories.employees,
      clock,
      fullTextUrl: options.policyUrl ?? ((_language: Language) =>
        policyTabUrl({ publicBaseUrl: `${options.publicBaseUrl.replace(/\/+$/, '')}/tab/`, ...(options.teamsAppId ? { teamsAppId: options.teamsAppId } : {}) })),
    }),
    sharing: createSharingService({
      repositories,
      publicBaseUrl: options.publicBaseUrl,
      randomBytes: (count) => randomBytes(count),
      linkCodes: createLinkCodes(options.linkCodeKey),
      clock,
      ...(options.teamsAppId ? { teamsAppId: options.teamsAppId } : {}),
      events: measurement.scoring,
      ...(options.logger ? { logger: options.logger } : {}),
    }),
    board: createBoardService({ content: repositories.content, topics: repositories.topics, employees: repositories.employees, shares: repositories.shares }),
  };
}
