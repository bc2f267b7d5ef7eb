/**
 * The weekly jobs, run once per ISO week across instances by the weekly scheduler, each sending
 * through the campaign pipeline (so throttling, exactly-once and outcomes are the pipeline's):
 * - `weekly-contest-update`: the running contest's update card to every team channel the bot was
 *   added to (references stored as `channel:<team id>`, see `src/bot/teams/team-channel.ts`);
 * - `pilot-digest`: the executive pilot digest card to each cohort member, now if inside their
 *   working hours or else when they next start work, about the week that just ended.
 * Dispatch ids are derived from the week and the recipient, so a job re-run after a crash
 * schedules nothing twice.
 */
import { createHash } from 'node:crypto';
import { isWithinPromptWindow, nextAllowedSlot } from '../../shared/domain/prompt-slots.js';
import type { Contest } from '../../shared/domain/types.js';
import type { CampaignService } from '../services/campaign.service.js';
import { weeklyUpdateChannels } from '../services/weekly-update.service.js';
import type { ContestRepository, ConversationReferenceRepository, EmployeeRepository, PilotRepository } from '../services/ports.js';
import { cardAttachment } from '../teams/cards/expand.js';
import { renderPilotDigestCard, type PilotDigestCardData } from '../teams/cards/pilot-digest/pilot-digest.card.js';
import { renderWeeklyUpdateCard, type WeeklyUpdateCardData } from '../teams/cards/weekly-update/weekly-update.card.js';
import { CHANNEL_RECIPIENT_PREFIX } from '../teams/team-channel.js';
import type { BuildMessage } from './message-builders.js';
import type { WeeklyJob } from './weekly-scheduler.js';

const DAY_MS = 86_400_000;

/** What the weekly jobs read and where they dispatch. */
export interface WeeklyJobsDeps {
  /** Tenants to serve: every tenant with a contest, a pilot or programme settings in storage, plus the configured one. */
  tenants: () => Promise<readonly string[]>;
  references: Pick<ConversationReferenceRepository, 'listByTenant'>;
  contests: Pick<ContestRepository, 'list'>;
  pilots: Pick<PilotRepository, 'list'>;
  employees: Pick<EmployeeRepository, 'find'>;
  campaigns: () => Pick<CampaignService, 'dispatchOne'>;
  now: () => Date;
}

const shortHash = (...parts: string[]) => createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 20);

/** The contest running at `now` (the latest started, if several). */
export function runningContest(contests: readonly Contest[], now: Date): Contest | undefined {
  const t = now.getTime();
  return contests.filter((c) => Date.parse(c.startsAt) <= t && t < Date.parse(c.endsAt)).sort((a, b) => b.startsAt.localeCompare(a.startsAt))[0];
}

/** Monday 00:00 UTC of the ISO week before the one containing `now` (the week a digest reports). */
export function previousWeekStart(now: Date): Date {
  const day = (now.getUTCDay() + 6) % 7;
  const monday = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - day * DAY_MS;
  return new Date(monday - 7 * DAY_MS);
}

/** `weekly-contest-update`: one `weekly-update` dispatch per team channel of each tenant with a running contest. */
export function createWeeklyContestUpdateJob(deps: WeeklyJobsDeps): WeeklyJob {
  return {
    name: 'weekly-contest-update',
    async run(week) {
      const now = deps.now();
      for (const tenantId of await deps.tenants()) {
        const contest = runningContest(await deps.contests.list(tenantId), now);
        if (!contest) continue;
        const channels = (await deps.references.listByTenant(tenantId)).filter((r) => r.employeeId.startsWith(CHANNEL_RECIPIENT_PREFIX));
        // The contest's own update channel when an admin picked one (weekly-update.service.ts).
        for (const channel of weeklyUpdateChannels(contest, channels)) {
          await deps.campaigns().dispatchOne({ id: `wcu-${week}-${shortHash(tenantId, channel.employeeId)}`, tenantId, kind: 'weekly-update', subjectId: contest.id, recipientId: channel.employeeId, at: now.toISOString(), createdBy: 'weekly-job' });
        }
      }
    },
  };
}

/** `pilot-digest`: one `pilot-digest` dispatch per cohort member, inside their working hours. */
export function createPilotDigestJob(deps: WeeklyJobsDeps): WeeklyJob {
  return {
    name: 'pilot-digest',
    async run(week) {
      const now = deps.now();
      const reported = previousWeekStart(now).toISOString().slice(0, 10);
      for (const tenantId of await deps.tenants()) {
        const cohort = new Set((await deps.pilots.list(tenantId)).flatMap((p) => p.cohort));
        for (const employeeId of cohort) {
          const employee = (await deps.employees.find(tenantId, employeeId))?.value;
          if (!employee) continue;
          const at = new Date(isWithinPromptWindow(employee, now.getTime()) ? now.getTime() : nextAllowedSlot(employee, now.getTime())).toISOString();
          await deps.campaigns().dispatchOne({ id: `pd-${week}-${shortHash(tenantId, employeeId)}`, tenantId, kind: 'pilot-digest', subjectId: reported, recipientId: employeeId, at, createdBy: 'weekly-job' });
        }
      }
    },
  };
}

/** `weekly-update`: the contest's update card, in the channel's language (English unless set). */
export function createWeeklyUpdateBuilder(deps: {
  weeklyUpdate: { weeklyContestUpdate(tenantId: string, contestId: string, now: Date): Promise<WeeklyUpdateCardData> };
  references: Pick<ConversationReferenceRepository, 'find'>;
  now: () => Date;
  /** The Leaderboard tab (a Teams deep link, or the tab URL locally): the card's button. */
  leaderboardUrl?: string;
}): BuildMessage {
  return async ({ tenantId, employeeId, subjectId }) => {
    const [data, reference] = await Promise.all([deps.weeklyUpdate.weeklyContestUpdate(tenantId, subjectId, deps.now()), deps.references.find(tenantId, employeeId)]);
    const language = reference?.language ?? 'en';
    return { attachments: [cardAttachment(renderWeeklyUpdateCard(data, language, deps.leaderboardUrl))], locale: language };
  };
}

/** `pilot-digest`: the digest of the reported week (subject `YYYY-MM-DD`) in the person's language; nothing when they left the cohort. */
export function createPilotDigestBuilder(deps: {
  digestFor(tenantId: string, employeeId: string, weekStart: Date): Promise<PilotDigestCardData | undefined>;
  employees: Pick<EmployeeRepository, 'find'>;
}): BuildMessage {
  return async ({ tenantId, employeeId, subjectId }) => {
    const [digest, employee] = await Promise.all([deps.digestFor(tenantId, employeeId, new Date(`${subjectId}T00:00:00.000Z`)), deps.employees.find(tenantId, employeeId)]);
    if (!digest) return undefined;
    const language = employee?.value.language ?? 'en';
    return { attachments: [cardAttachment(renderPilotDigestCard(digest, language))], locale: language };
  };
}

/** Both weekly jobs and the builders of their kinds, for the runtime (`weeklyJobs`, `builders`). */
export function createWeeklyDispatch(
  deps: WeeklyJobsDeps & Parameters<typeof createWeeklyUpdateBuilder>[0] & Parameters<typeof createPilotDigestBuilder>[0] & { references: Pick<ConversationReferenceRepository, 'listByTenant' | 'find'> },
): { jobs: WeeklyJob[]; builders: { 'weekly-update': BuildMessage; 'pilot-digest': BuildMessage } } {
  return {
    jobs: [createWeeklyContestUpdateJob(deps), createPilotDigestJob(deps)],
    builders: { 'weekly-update': createWeeklyUpdateBuilder(deps), 'pilot-digest': createPilotDigestBuilder(deps) },
  };
}
