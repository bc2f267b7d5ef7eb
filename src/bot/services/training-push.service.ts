/**
 * Training pushes (issue 11): a trainer pushes a published module to an audience (persona, topic
 * role, team, learning style) now, or on a cadence. Each run selects who the module fits and who
 * is not blocked by the repeat rules or the training cap (`selectNudgeRecipients`), records the
 * nudge, and hands the recipients to the delivery pipeline (`TrainingNudgeDispatcher`: quiet
 * hours, weekly caps, throttling and retries are the pipeline's). `runDue` is the cadence job.
 */
import type { TrainingPushInput } from '../../shared/contracts/training.js';
import { nextCadenceRun, selectNudgeRecipients, type NudgeExclusion, type TrainingAudience } from '../../shared/domain/training-nudges.js';
import { ConflictError, ValidationError } from './errors.js';
import type { EmployeeRepository } from './ports.js';
import { retryOnConflict } from './retry-on-conflict.js';
import type { TrainingNudgeDispatcher, TrainingPush, TrainingStores } from './training.ports.js';
import type { TrainingService } from './training.service.js';
import { toLearner } from './training-views.js';

export interface TrainingPushServiceDeps {
  stores: TrainingStores;
  employees: Pick<EmployeeRepository, 'listByTenant'>;
  training: Pick<TrainingService, 'markNudged'>;
  clock: () => Date;
  newId: () => string;
  /** The delivery pipeline; attachable later (the composition root builds services first). */
  dispatcher?: TrainingNudgeDispatcher;
  logger?: { warn(details: object, message: string): void };
}

/** What one run did. */
export interface PushRunResult {
  push: TrainingPush;
  recipients: number;
  excluded: Partial<Record<NudgeExclusion, number>>;
}

const KEPT_DISPATCH_IDS = 20;

/** Build the push service. */
export function createTrainingPushService(deps: TrainingPushServiceDeps) {
  const { stores } = deps;
  let dispatcher = deps.dispatcher;

  /**
   * One run. The push is claimed first (runs, lastRunAt and nextRunAt advanced at its ETag), so of
   * two instances running the same cadence tick only one sends; then the recipients are selected,
   * their nudge recorded and handed to the pipeline, and the result stored on the push.
   */
  async function run(push: TrainingPush, etag: string): Promise<PushRunResult> {
    if (!dispatcher) throw new ConflictError('training nudges cannot be sent: the delivery pipeline is not running in this process', 409);
    const now = deps.clock();
    const nowIso = now.toISOString();
    const next = push.cadence ? nextCadenceRun(nowIso, push.cadence) : undefined;
    const { nextRunAt: _previous, ...rest } = push;
    const claimed = await stores.pushes.update({ ...rest, runs: push.runs + 1, lastRunAt: nowIso, state: next ? 'active' : 'done', ...(next ? { nextRunAt: next } : {}) }, etag);
    const [module, modules, roster, records] = await Promise.all([
      stores.modules.get(push.tenantId, push.moduleId),
      stores.modules.list(push.tenantId),
      deps.employees.listByTenant(push.tenantId),
      stores.progress.listByTenant(push.tenantId),
    ]);
    const theme = module.value.starterTheme;
    const otherLanguageVersions = theme === undefined ? [] : modules.filter((m) => m.starterTheme === theme && m.id !== module.value.id && m.state === 'published').flatMap((m) => m.languages);
    const selection = selectNudgeRecipients(module.value, push.audience, roster.map(toLearner), records, nowIso, { otherLanguageVersions, ...(push.gapDays === undefined ? {} : { gapDays: push.gapDays }) });
    const excluded: Partial<Record<NudgeExclusion, number>> = {};
    for (const e of selection.excluded) excluded[e.reason] = (excluded[e.reason] ?? 0) + 1;
    let dispatchId: string | undefined;
    let reached = 0;
    if (selection.included.length > 0) {
      const dispatched = await dispatcher.dispatch({ tenantId: push.tenantId, moduleId: push.moduleId, pushId: push.id, employeeIds: selection.included, createdBy: push.createdBy, now, ...(push.spreadHours !== undefined ? { spreadHours: push.spreadHours } : {}) });
      dispatchId = dispatched.dispatchId;
      reached = dispatched.planned.length;
      if (dispatched.notPlaced.length > 0) excluded['not-scheduled'] = (excluded['not-scheduled'] ?? 0) + dispatched.notPlaced.length;
      // The training cap reads these: only people who really get a nudge count as nudged.
      await deps.training.markNudged(push.tenantId, dispatched.planned, push.moduleId, now);
    }
    const saved = await retryOnConflict(
      () => stores.pushes.get(push.tenantId, push.id),
      (current) => ({ ...current, lastRecipients: reached, dispatchIds: dispatchId ? [...current.dispatchIds, dispatchId].slice(-KEPT_DISPATCH_IDS) : current.dispatchIds }),
      (value, tag) => stores.pushes.update(value, tag),
    ).catch(() => claimed.value);
    return { push: saved, recipients: reached, excluded };
  }

  return {
    /** Attach the delivery pipeline's dispatcher once it exists. */
    attachDispatcher(next: TrainingNudgeDispatcher): void {
      dispatcher = next;
    },

    /** Push a published module now (and on a cadence when given). */
    async push(tenantId: string, createdBy: string, moduleId: string, input: TrainingPushInput): Promise<PushRunResult> {
      const module = (await stores.modules.get(tenantId, moduleId)).value;
      if (module.state !== 'published') throw new ValidationError(`Only a published module can be pushed; "${module.title}" is ${module.state}.`);
      if (!dispatcher) throw new ConflictError('training nudges cannot be sent: the delivery pipeline is not running in this process', 409);
      const audience: TrainingAudience = input.audience;
      const push: TrainingPush = {
        id: deps.newId(),
        tenantId,
        moduleId,
        audience,
        ...(input.cadence ? { cadence: input.cadence } : {}),
        ...(input.gapDays !== undefined ? { gapDays: input.gapDays } : {}),
        ...(input.spreadHours !== undefined ? { spreadHours: input.spreadHours } : {}),
        state: 'active',
        runs: 0,
        lastRecipients: 0,
        dispatchIds: [],
        createdBy,
        createdAt: deps.clock().toISOString(),
      };
      const created = await stores.pushes.create(push);
      return run(created.value, created.etag);
    },

    async list(tenantId: string): Promise<TrainingPush[]> {
      return (await stores.pushes.list(tenantId)).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    },

    /** Stop a cadence push (a stopped or finished push stays as it is). */
    stop: (tenantId: string, id: string) =>
      retryOnConflict(
        () => stores.pushes.get(tenantId, id),
        (current) => {
          if (current.state !== 'active') return undefined;
          const { nextRunAt: _n, ...rest } = current;
          return { ...rest, state: 'stopped' as const };
        },
        (next, etag) => stores.pushes.update(next, etag),
      ),

    /** The cadence job: run every active push whose time has come (any tenant). Returns runs done. */
    async runDue(): Promise<number> {
      if (!dispatcher) return 0;
      const due = await stores.pushes.listDue(deps.clock().toISOString());
      let done = 0;
      for (const push of due) {
        try {
          const fresh = await stores.pushes.get(push.tenantId, push.id);
          if (fresh.value.state !== 'active' || fresh.value.nextRunAt !== push.nextRunAt) continue;
          await run(fresh.value, fresh.etag);
          done += 1;
        } catch (err) {
          // A ConflictError means another instance ran it first; anything else is retried next tick.
          if (!(err instanceof ConflictError)) deps.logger?.warn({ tenantId: push.tenantId, pushId: push.id, error: err instanceof Error ? err.message : String(err) }, 'training cadence run failed');
        }
      }
      return done;
    },
  };
}

export type TrainingPushService = ReturnType<typeof createTrainingPushService>;
