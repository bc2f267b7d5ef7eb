/**
 * The use cases wired once over the repositories, for the composition root (`src/bot/index.ts`)
 * and the bot tests alike, so the HTTP routes and the Teams layer share one instance of each
 * (one share service whatever the door).
 */
import { randomBytes } from 'node:crypto';
import type { Language } from '../../shared/domain/types.js';
import { createBoardService, type BoardService } from './board.service.js';
import { createOnboardingService, type OnboardingService } from './onboarding.service.js';
import { createPolicyService, policyTabUrl, type PolicyService } from './policy.service.js';
import type { Repositories } from './ports.js';
import { createSharingService, type SharingEvents, type SharingService } from './sharing.service.js';

/** The services the app's doors call. */
export interface AppServices {
  onboarding: OnboardingService;
  policy: PolicyService;
  sharing: SharingService;
  board: BoardService;
}

/** Options of {@link createAppServices}. */
export interface AppServicesOptions {
  /** Public origin of links and the tab (config `publicBaseUrl`). */
  publicBaseUrl: string;
  /** Teams app id for deep links; without it links point at the tab URL. */
  teamsAppId?: string;
  clock?: () => Date;
  /** Told about each recorded share (scoring). */
  sharingEvents?: SharingEvents;
  logger?: { warn(details: object, message: string): void };
}

/** Build every service over `repositories`. */
export function createAppServices(repositories: Repositories, options: AppServicesOptions): AppServices {
  const clock = options.clock ?? (() => new Date());
  return {
    onboarding: createOnboardingService({ employees: repositories.employees, topics: repositories.topics }),
    policy: createPolicyService({
      policies: repositories.policies,
      employees: repositories.employees,
      clock,
      fullTextUrl: (_language: Language) =>
        policyTabUrl({ publicBaseUrl: `${options.publicBaseUrl.replace(/\/+$/, '')}/tab/`, ...(options.teamsAppId ? { teamsAppId: options.teamsAppId } : {}) }),
    }),
    sharing: createSharingService({
      repositories,
      publicBaseUrl: options.publicBaseUrl,
      randomBytes: (count) => randomBytes(count),
      clock,
      ...(options.teamsAppId ? { teamsAppId: options.teamsAppId } : {}),
      ...(options.sharingEvents ? { events: options.sharingEvents } : {}),
      ...(options.logger ? { logger: options.logger } : {}),
    }),
    board: createBoardService({ content: repositories.content, topics: repositories.topics }),
  };
}
