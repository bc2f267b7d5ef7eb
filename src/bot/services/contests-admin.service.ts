/**
 * Admin use cases of contests: list them with the team channels the bot is installed in, create
 * and edit one (window, weights, prizes, exclusions by role and person, weekly update channel).
 * The domain's `validateContest` decides what is valid; an unknown channel or person is refused.
 * When the window or the weights change, the contest is rescored from the stored events in the
 * background (`rescore`), so the board follows the new rules.
 */
import type { ContestInput, TeamChannel } from '../../shared/contracts/contests.js';
import { validateContest } from '../../shared/domain/contests.js';
import type { Contest } from '../../shared/domain/types.js';
import { ValidationError } from './errors.js';
import type { ContestRepository, ConversationReferenceRepository, EmployeeRepository } from './ports.js';
import { retryOnConflict } from './retry-on-conflict.js';
import { CHANNEL_RECIPIENT_PREFIX as CHANNEL_RECIPIENT_ID_PREFIX } from '../teams/team-channel.js';

export interface ContestAdminDeps {
  contests: Pick<ContestRepository, 'list' | 'get' | 'create' | 'update'>;
  conversationReferences: Pick<ConversationReferenceRepository, 'listByTenant'>;
  employees: Pick<EmployeeRepository, 'find'>;
  newId: () => string;
  /** Recompute the contest's scores from the stored events (scoring.rebuildContest). */
  rescore?: (tenantId: string, contestId: string) => Promise<unknown>;
  logger?: { warn(details: object, message: string): void };
}

export interface ContestAdminService {
  list(tenantId: string): Promise<{ contests: Contest[]; channels: TeamChannel[] }>;
  create(tenantId: string, input: ContestInput): Promise<Contest>;
  /** NotFoundError for an unknown id. */
  update(tenantId: string, id: string, input: ContestInput): Promise<{ before: Contest; after: Contest }>;
}

/** The channel's name as Teams gave it in the stored reference (the team id when it gave none). */
function channelName(reference: string, fallback: string): string {
  try {
    const parsed = JSON.parse(reference) as { conversation?: { name?: unknown } };
    return typeof parsed.conversation?.name === 'string' && parsed.conversation.name.trim() ? parsed.conversation.name.trim() : fallback;
  } catch {
    return fallback;
  }
}

/** Build the contest admin service. */
export function createContestAdminService(deps: ContestAdminDeps): ContestAdminService {
  const channels = async (tenantId: string): Promise<TeamChannel[]> =>
    (await deps.conversationReferences.listByTenant(tenantId))
      .filter((r) => r.employeeId.startsWith(CHANNEL_RECIPIENT_ID_PREFIX))
      .map((r) => ({ id: r.employeeId, name: channelName(r.reference, r.employeeId.slice(CHANNEL_RECIPIENT_ID_PREFIX.length)), updatedAt: r.updatedAt }))
      .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));

  /** The contest an input describes, checked against the domain rules, the channels and the people. */
  async function build(tenantId: string, id: string, input: ContestInput): Promise<Contest> {
    const excludedEmployeeIds = [...new Set(input.excludedEmployeeIds)];
    const contest: Contest = {
      id,
      name: input.name,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      weights: { ...input.weights },
      prizes: [...input.prizes].sort((a, b) => a.rank - b.rank).map((p) => ({ ...p })),
      excludedRoles: [...input.excludedRoles],
      excludedEmployeeIds,
      ...(input.updateChannelId !== null ? { updateChannelId: input.updateChannelId } : {}),
    };
    const problems = validateContest(contest);
    if (problems.length > 0) throw new ValidationError(`contest: ${problems.join(', ')}`, { code: problems[0] });
    if (input.updateChannelId !== null && !(await channels(tenantId)).some((c) => c.id === input.updateChannelId)) {
      throw new ValidationError('updateChannelId: the bot is not installed in that channel', { code: 'unknown-channel' });
    }
    const found = await Promise.all(excludedEmployeeIds.map((employeeId) => deps.employees.find(tenantId, employeeId)));
    const unknown = excludedEmployeeIds.filter((_, i) => !found[i]);
    if (unknown.length > 0) throw new ValidationError(`excludedEmployeeIds: unknown person ${unknown.slice(0, 3).join(', ')}`, { code: 'unknown-person' });
    return contest;
  }

  const rescore = (tenantId: string, contestId: string) => {
    if (!deps.rescore) return;
    deps.rescore(tenantId, contestId).catch((err: unknown) => deps.logger?.warn({ contestId, error: err instanceof Error ? err.message : String(err) }, 'contest rescore failed'));
  };

  return {
    async list(tenantId) {
      const [contests, found] = await Promise.all([deps.contests.list(tenantId), channels(tenantId)]);
      return { contests: contests.sort((a, b) => b.startsAt.localeCompare(a.startsAt) || a.id.localeCompare(b.id)), channels: found };
    },

    async create(tenantId, input) {
      const contest = await build(tenantId, `contest-${deps.newId()}`, input);
      const created = (await deps.contests.create(tenantId, contest)).value;
      rescore(tenantId, created.id);
      return created;
    },

    async update(tenantId, id, input) {
      const wanted = await build(tenantId, id, input);
      let before: Contest | undefined;
      const after = await retryOnConflict(
        () => deps.contests.get(tenantId, id),
        (current) => {
          before = current;
          return wanted;
        },
        (next, etag) => deps.contests.update(tenantId, next, etag),
      );
      const changedRules = before!.startsAt !== after.startsAt || before!.endsAt !== after.endsAt || JSON.stringify(before!.weights) !== JSON.stringify(after.weights);
      if (changedRules) rescore(tenantId, id);
      return { before: before!, after };
    },
  };
}
