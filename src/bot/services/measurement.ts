/**
 * Builds the measurement services from their ports in one call, for the composition root, the
 * tests and the benchmark: wins, scoring, leaderboard, live counts, weekly update, conversions.
 */
import type { Repositories } from './ports.js';
import type { MeasurementRepositories } from './scoring.ports.js';
import { createConversionService, type ConversionService } from './conversions.service.js';
import { createLeaderboardService, type LeaderboardDeps, type LeaderboardService } from './leaderboard.service.js';
import { createLiveCountsService, type LiveCountsService } from './live-counts.service.js';
import { createScoringService, type ScoringService } from './scoring.service.js';
import { createWeeklyUpdateService, type WeeklyUpdateService } from './weekly-update.service.js';
import { createWinsService, type WinsService } from './wins.service.js';

export interface MeasurementServices {
  scoring: ScoringService;
  leaderboard: LeaderboardService;
  liveCounts: LiveCountsService;
  wins: WinsService;
  weeklyUpdate: WeeklyUpdateService;
  conversions: ConversionService;
}

export interface MeasurementOptions {
  now?: () => Date;
  logger?: { warn(details: object, message: string): void };
  /** Leaderboard staleness bounds (see leaderboard.service.ts). */
  leaderboard?: Pick<LeaderboardDeps, 'staleAfterMs' | 'maxStaleMs' | 'rosterStaleAfterMs' | 'rosterMaxStaleMs'>;
  contestCacheMs?: number;
  liveCountTtlMs?: number;
}

export function createMeasurementServices(
  repos: Pick<Repositories, 'contests' | 'clicks' | 'trackedLinks' | 'employees'> & MeasurementRepositories,
  options: MeasurementOptions = {},
): MeasurementServices {
  const wins = createWinsService({ wins: repos.wins, logger: options.logger });
  const scoring = createScoringService({
    tallies: repos.tallies,
    contests: repos.contests,
    archive: repos.eventArchive,
    wins,
    now: options.now,
    contestCacheMs: options.contestCacheMs,
    logger: options.logger,
  });
  const leaderboard = createLeaderboardService({
    tallies: repos.tallies,
    contests: repos.contests,
    participants: repos.participants,
    findParticipant: async (tenantId, employeeId) => {
      const found = await repos.employees.find(tenantId, employeeId);
      return found && { id: found.value.id, displayName: found.value.displayName, roles: found.value.roles };
    },
    wins,
    now: options.now,
    ...options.leaderboard,
  });
  return {
    scoring,
    leaderboard,
    liveCounts: createLiveCountsService({ clicks: repos.clicks, ttlMs: options.liveCountTtlMs }),
    wins,
    weeklyUpdate: createWeeklyUpdateService({ leaderboard, snapshots: repos.contestSnapshots, wins: repos.wins, participants: repos.participants }),
    conversions: createConversionService({ trackedLinks: repos.trackedLinks, conversions: repos.conversions, scoring }),
  };
}
