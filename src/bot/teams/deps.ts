/**
 * What the Teams handlers get from the composition root: the use cases they call (never storage),
 * the repositories the language rules read through their ports, a clock, and local-run options.
 */
import type { Language } from '../../shared/domain/types.js';
import type { BoardService } from '../services/board.service.js';
import type { LanguageRepositories } from '../services/language.service.js';
import type { OnboardingService } from '../services/onboarding.service.js';
import type { PolicyService } from '../services/policy.service.js';
import type { Messenger } from '../services/ports.js';
import type { SharingService } from '../services/sharing.service.js';
import type { TrainingService } from '../services/training.service.js';
import type { ScoreSource } from './score-source.js';

/** The use cases the Teams layer calls. */
export interface TeamsServices {
  onboarding: OnboardingService;
  policy: Pick<PolicyService, 'current' | 'hasAcknowledged' | 'acknowledge'>;
  sharing: SharingService;
  board: BoardService;
  /** "my score" and "leaderboard"; absent, those commands say there is no contest. */
  scores?: ScoreSource;
  /** Training nudge answers (Start, Done, Not now); absent, the card's buttons answer with a notice. */
  training?: Pick<TrainingService, 'respond'>;
}

/** Dependencies every handler module receives. */
export interface TeamsDeps {
  repositories: LanguageRepositories;
  services: TeamsServices;
  /** Proactive sends (share prompts delivered outside a reply). */
  messenger: Messenger;
  clock: () => Date;
  /** Local runs: the demo tenant the Playground's people belong to (see chat-user.ts). */
  localTenantId?: string;
  /** Link to the board tab (Teams deep link, or the tab URL locally). */
  boardUrl: (language: Language) => string;
}
