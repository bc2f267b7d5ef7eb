/**
 * Admin use cases of contests: list them with the team channels the bot is installed in, create
 * and edit one (window, weights, prizes, exclusions by role and person, weekly update channel),
 * delete one that has not started, end a running one early (`contests-lifecycle.ts`; a refusal
 * is a `ContestRefusedError`). Edits, deletes and early ends given the version the admin saw are
 * made at that ETag, so a second admin's stale write is a ConflictError, never a silent overwrite.
 * The domain's `validateContest` decides what is valid; an unknown channel or person is refused.
 * When the window or the weights change, the contest is rescored from the stored events in the
 * background (`rescore`), so the board follows the new rules.
 */
import type { ContestInput, TeamChannel } from '../../shared/contracts/contests.js';
import { validateContest } from '../../shared/domain/contests.js';
import { checkContestDelete, endContestEarly, type ContestRefusal } from '../../shared/domain/contests-lifecycle.js';
import type { Contest } from '../../shared/domain/types.js';
import { ConflictError, ValidationError } from './errors.js';
import type { ContestRepository, ConversationReferenceRepository, EmployeeRepository, Versioned } from './ports.js';
import { retryOnConflict } from './retry-on-conflict.js';
import { CHANNEL_RECIPIENT_PREFIX as CHANNEL_RECIPIENT_ID_PREFIX } from '../teams/team-channel.js';

export interface ContestAdminDeps {
  contests: Pick<ContestRepository, 'listVersioned' | 'get' | 'create' | 'update' | 'delete'>;
  conversationReferences: Pick<ConversationReferenceRepository, 'listByTenant'>;
  employees: Pick<EmployeeRepository, 'find'>;
  newId: () => string;
  /** Recompute the contest's scores from the stored events (scoring.rebuildContest). */
  rescore?: (tenantId: string, contestId: string) => Promise<unknown>;
  logger?: { warn(details: object, message: string): void };
  /** The clock deciding whether a contest has started or ended (default: the system clock). */
  now?: () => Date;
}

/** A delete or an early end the contest's phase does not allow (the route answers 409 with the matching code). */
export class ContestRefusedError extends ConflictError {
  constructor(readonly refusal: ContestRefusal, id: string, what: 'delete' | 'end') {
    super(`contest ${id}: cannot ${what} (${refusal})`, 409, 'ContestRefused');
    this.name = 'ContestRefusedError';
  }
}

/** A contest with its stored version. */
export type VersionedContest = Contest & { version: string };

export interface ContestAdminService {
  list(tenantId: string): Promise<{ contests: VersionedContest[]; channels: TeamChannel[] }>;
  create(tenantId: string, input: ContestInput): Promise<VersionedContest>;
  /** NotFoundError for an unknown id; with `version`, ConflictError when the contest changed since. */
  update(tenantId: string, id: string, input: ContestInput, version?: string): Promise<{ before: Contest; after: VersionedContest }>;
  /** Delete a contest that has not started, at `version`; ContestRefusedError once it has started. */
  remove(tenantId: string, id: string, version: string): Promise<Contest>;
  /** End a running contest now, at `version` (its results freeze); ContestRefusedError otherwise. */
  end(tenantId: string, id: string, version: string): Promise<{ before: Contest; after: VersionedContest }>;
}

const versioned = (v: Versioned<Contest>): VersionedContest => ({ ...v.value, version: v.etag });

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
  const now = deps.now ?? (() => new Date());
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
      const [contests, found] = await Promise.all([deps.contests.listVersioned(tenantId), channels(tenantId)]);
      return { contests: contests.map(versioned).sort((a, b) => b.startsAt.localeCompare(a.startsAt) || a.id.localeCompare(b.id)), channels: found };
    },

    async create(tenantId, input) {
      const contest = await build(tenantId, `contest-${deps.newId()}`, input);
      const created = await deps.contests.create(tenantId, contest);
      rescore(tenantId, created.value.id);
      return versioned(created);
    },

    async update(tenantId, id, input, version) {
      const wanted = await build(tenantId, id, input);
      let before: Contest | undefined;
      let after: Versioned<Contest>;
      if (version !== undefined) {
        before = (await deps.contests.get(tenantId, id)).value;
        after = await deps.contests.update(tenantId, wanted, version);
      } else {
        // No version (an older client): the last write wins, as before versions existed.
        let etag = '';
        const value = await retryOnConflict(
          () => deps.contests.get(tenantId, id),
          (current) => {
            before = current;
            return wanted;
          },
          async (next, at) => {
            const written = await deps.contests.update(tenantId, next, at);
            etag = written.etag;
            return written;
          },
        );
        after = { value, etag };
      }
      const changedRules = before!.startsAt !== after.value.startsAt || before!.endsAt !== after.value.endsAt || JSON.stringify(before!.weights) !== JSON.stringify(after.value.weights);
      if (changedRules) rescore(tenantId, id);
      return { before: before!, after: versioned(after) };
    },

    async remove(tenantId, id, version) {
      const current = (await deps.contests.get(tenantId, id)).value;
      const refusal = checkContestDelete(current, now());
      if (refusal) throw new ContestRefusedError(refusal, id, 'delete');
      await deps.contests.delete(tenantId, id, version);
      return current;
    },

    async end(tenantId, id, version) {
      const current = (await deps.contests.get(tenantId, id)).value;
      const ended = endContestEarly(current, now());
      if ('refused' in ended) throw new ContestRefusedError(ended.refused, id, 'end');
      const after = await deps.contests.update(tenantId, ended.contest, version);
      // Events after the new end no longer score: rebuild the board from the stored events.
      rescore(tenantId, id);
      return { before: current, after: versioned(after) };
    },
  };
}
