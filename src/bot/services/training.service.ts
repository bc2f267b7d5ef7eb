/**
 * Training use cases (issue 11): trainers write modules (draft -> published -> retired); people
 * answer nudges and work through modules (Start, Done, Not now), a first Done counts as a win;
 * trainers see completion per persona and module and who is stuck. Pushes (nudges through the
 * delivery pipeline) are in `training-push.service.ts`. Rules live in `shared/domain/training*.ts`.
 */
import type { MyTrainingItem, MyTrainingResponse, TrainingModuleInput, TrainingModuleQuery, TrainingProgressResponse } from '../../shared/contracts/training.js';
import { canTransitionModule, summarizeTrainingCompletion, validateTrainingModule, type TrainingModuleRecord, type TrainingModuleState } from '../../shared/domain/training.js';
import {
  applyTrainingAction,
  DEFAULT_STUCK_AFTER_DAYS,
  findStuckLearners,
  recommendTrainingModules,
  summarizeModuleCompletion,
  toTrainingProgress,
  MAX_NOT_NOWS,
  type TrainingAction,
} from '../../shared/domain/training-nudges.js';
import { PERSONAS } from '../../shared/domain/types.js';
import { ConflictError, NotFoundError, ValidationError } from './errors.js';
import type { EmployeeRepository } from './ports.js';
import { mapLimit } from '../util/map-limit.js';
import { retryOnConflict } from './retry-on-conflict.js';
import type { TrainingStores } from './training.ports.js';
import type { WinsService } from './wins.service.js';
import { itemOf, languageRank, toLearner, viewOf, type TrainingNudgeView } from './training-views.js';

export interface TrainingServiceDeps {
  stores: TrainingStores;
  employees: Pick<EmployeeRepository, 'listByTenant' | 'find'>;
  wins?: Pick<WinsService, 'recordTrainingCompleted'>;
  clock: () => Date;
  newId: () => string;
  /** Called after a person's first Done (e.g. the Viva Learning sync); failures are logged, never thrown. */
  onCompleted?: (tenantId: string, employeeId: string, module: TrainingModuleRecord, at: Date) => Promise<void>;
  logger?: { warn(details: object, message: string): void };
}

const ISSUE_TEXT: Record<string, string> = {
  'no-target': 'a module needs at least one target persona or topic role (never one course for everyone)',
  'empty-title': 'a title is required',
  'invalid-duration': 'the duration must be a positive number of minutes',
  'no-language': 'at least one language is required',
  'no-content': 'a module needs a markdown body or a link',
  'self-prerequisite': 'a module cannot be its own prerequisite',
};

function slug(title: string): string {
  return title.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
}

/** Build the training service. */
export function createTrainingService(deps: TrainingServiceDeps) {
  const { stores } = deps;
  let onCompleted = deps.onCompleted;

  function check(module: TrainingModuleRecord): void {
    const { issues } = validateTrainingModule(module);
    if (issues.length > 0) throw new ValidationError(`Training module refused: ${issues.map((i) => ISSUE_TEXT[i] ?? i).join('; ')}.`);
  }

  async function checkPrerequisite(tenantId: string, module: TrainingModuleRecord): Promise<void> {
    if (module.prerequisiteId === undefined) return;
    try {
      await stores.modules.get(tenantId, module.prerequisiteId);
    } catch (err) {
      if (err instanceof NotFoundError) throw new ValidationError(`Training module refused: the prerequisite "${module.prerequisiteId}" does not exist.`);
      throw err;
    }
  }

  function fields(input: TrainingModuleInput): Omit<TrainingModuleRecord, 'id' | 'tenantId' | 'state' | 'createdBy' | 'createdAt' | 'updatedAt'> {
    return {
      title: input.title,
      ...(input.summary ? { summary: input.summary } : {}),
      format: input.format,
      learningStyle: input.learningStyle,
      durationMinutes: input.durationMinutes,
      languages: [...new Set(input.languages)],
      ...(input.body?.trim() ? { body: input.body } : {}),
      ...(input.link ? { link: input.link } : {}),
      targetPersonas: [...new Set(input.targetPersonas)],
      targetTopicRoles: [...new Set(input.targetTopicRoles)],
      ...(input.prerequisiteId ? { prerequisiteId: input.prerequisiteId } : {}),
    };
  }

  async function transition(tenantId: string, id: string, to: TrainingModuleState): Promise<TrainingModuleRecord> {
    return retryOnConflict(
      () => stores.modules.get(tenantId, id),
      (current) => {
        if (current.state === to) return undefined;
        if (!canTransitionModule(current.state, to)) throw new ConflictError(`training module ${id} is ${current.state} and cannot become ${to}`, 409);
        const at = deps.clock().toISOString();
        return { ...current, state: to, updatedAt: at, ...(to === 'published' ? { publishedAt: at } : { retiredAt: at }) };
      },
      (next, etag) => stores.modules.update(next, etag),
    );
  }

  /** Apply one action to a person's progress (create or ETag-guarded update, retried on a race). */
  async function applyAction(tenantId: string, employeeId: string, moduleId: string, action: TrainingAction, at: Date) {
    for (let attempt = 1; ; attempt += 1) {
      const current = await stores.progress.get(tenantId, moduleId, employeeId);
      const result = applyTrainingAction(current?.value, { employeeId, moduleId }, action, at.toISOString());
      if (!result.changed) return result;
      try {
        await stores.progress.put(tenantId, result.record, current?.etag);
        return result;
      } catch (err) {
        if (!(err instanceof ConflictError) || attempt >= 5) throw err;
      }
    }
  }

  return {
    async listModules(tenantId: string, query: Omit<TrainingModuleQuery, 'lang'> = {}): Promise<TrainingModuleRecord[]> {
      const all = await stores.modules.list(tenantId);
      return all
        .filter((m) => (query.state === undefined || m.state === query.state)
          && (query.persona === undefined || m.targetPersonas.includes(query.persona))
          && (query.topicRole === undefined || m.targetTopicRoles.includes(query.topicRole))
          && (query.language === undefined || m.languages.includes(query.language))
          && (query.format === undefined || m.format === query.format))
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || languageRank(a) - languageRank(b) || a.title.localeCompare(b.title));
    },

    getModule: async (tenantId: string, id: string) => (await stores.modules.get(tenantId, id)).value,

    /** A new draft. Refused (ValidationError) without a target, content, language or title. */
    async createModule(tenantId: string, createdBy: string, input: TrainingModuleInput): Promise<TrainingModuleRecord> {
      const at = deps.clock().toISOString();
      const base = slug(input.title);
      const module: TrainingModuleRecord = { id: `${base ? `${base}-` : ''}${deps.newId()}`, tenantId, ...fields(input), state: 'draft', createdBy, createdAt: at, updatedAt: at };
      check(module);
      await checkPrerequisite(tenantId, module);
      return (await stores.modules.create(module)).value;
    },

    async updateModule(tenantId: string, id: string, input: TrainingModuleInput): Promise<TrainingModuleRecord> {
      const probe = { id, ...fields(input) } as TrainingModuleRecord;
      check(probe);
      await checkPrerequisite(tenantId, probe);
      return retryOnConflict(
        () => stores.modules.get(tenantId, id),
        (current) => {
          const { summary: _s, body: _b, link: _l, prerequisiteId: _p, ...kept } = current;
          return { ...kept, ...fields(input), updatedAt: deps.clock().toISOString() };
        },
        (next, etag) => stores.modules.update(next, etag),
      );
    },

    publish: (tenantId: string, id: string) => transition(tenantId, id, 'published'),
    retire: (tenantId: string, id: string) => transition(tenantId, id, 'retired'),

    /**
     * A person's answer (card button or tab): Start, Done or Not now. The module must be published,
     * or already in the person's progress. A first Done counts as a win and runs `onCompleted`.
     */
    async respond(tenantId: string, employeeId: string, moduleId: string, action: Exclude<TrainingAction, 'nudged'>) {
      const module = (await stores.modules.get(tenantId, moduleId)).value;
      const existing = await stores.progress.get(tenantId, moduleId, employeeId);
      if (module.state !== 'published' && !existing) throw new NotFoundError(`training module ${moduleId} is not available`);
      const at = deps.clock();
      const result = await applyAction(tenantId, employeeId, moduleId, action, at);
      if (result.completedNow) {
        await deps.wins?.recordTrainingCompleted(tenantId, employeeId, moduleId, at);
        if (onCompleted) {
          await onCompleted(tenantId, employeeId, module, at).catch((err: unknown) =>
            deps.logger?.warn({ tenantId, moduleId, error: err instanceof Error ? err.message : String(err) }, 'training completion hook failed'));
        }
      }
      return { module, record: result.record, completedNow: result.completedNow, declined: result.record.notNows >= MAX_NOT_NOWS, item: itemOf(module, result.record, true) };
    },

    /** Records that a nudge for `moduleId` went to each person (the training cap reads it). */
    async markNudged(tenantId: string, employeeIds: readonly string[], moduleId: string, at: Date): Promise<void> {
      // One row per person in one partition: a bounded number of writes in flight.
      await mapLimit(employeeIds, 16, (employeeId) => applyAction(tenantId, employeeId, moduleId, 'nudged', at));
    },

    /** The caller's own module (with its body), when published or already in their progress. */
    async myModule(tenantId: string, employeeId: string, moduleId: string): Promise<MyTrainingItem> {
      const [module, record] = await Promise.all([stores.modules.get(tenantId, moduleId), stores.progress.get(tenantId, moduleId, employeeId)]);
      if (module.value.state !== 'published' && !record) throw new NotFoundError(`training module ${moduleId} is not available`);
      return itemOf(module.value, record?.value, true);
    },

    /** The caller's progress (started, completed) and the modules that fit them next. */
    async myTraining(tenantId: string, employeeId: string): Promise<MyTrainingResponse> {
      const [modules, records, employee] = await Promise.all([stores.modules.list(tenantId), stores.progress.listByEmployee(tenantId, employeeId), deps.employees.find(tenantId, employeeId)]);
      const byId = new Map(modules.map((m) => [m.id, m]));
      const items = records
        .filter((r) => r.status !== 'nudged' && byId.has(r.moduleId))
        .sort((a, b) => (b.completedAt ?? b.startedAt ?? '').localeCompare(a.completedAt ?? a.startedAt ?? ''))
        .map((r) => itemOf(byId.get(r.moduleId)!, r, false));
      const recordOf = new Map(records.map((r) => [r.moduleId, r]));
      const recommended = employee
        ? recommendTrainingModules(toLearner(employee.value), modules, records).filter((m) => recordOf.get(m.id)?.status !== 'started').slice(0, 5).map((m) => itemOf(m, recordOf.get(m.id), false))
        : [];
      return { completed: records.filter((r) => r.status === 'completed').length, started: records.filter((r) => r.status === 'started').length, items, recommended };
    },

    /** The trainer's dashboard: completion per persona and per module, totals, who is stuck. */
    async progress(tenantId: string, stuckAfterDays = DEFAULT_STUCK_AFTER_DAYS): Promise<TrainingProgressResponse> {
      const [modules, records, employees] = await Promise.all([stores.modules.list(tenantId), stores.progress.listByTenant(tenantId), deps.employees.listByTenant(tenantId)]);
      const shown = modules.filter((m) => m.state !== 'draft');
      const names = new Map(employees.map((e) => [e.id, e.displayName]));
      const known = records.filter((r) => names.has(r.employeeId));
      const people = new Set(known.filter((r) => r.status !== 'nudged').map((r) => r.employeeId));
      return {
        stuckAfterDays,
        totals: { people: people.size, started: known.filter((r) => r.status === 'started').length, completed: known.filter((r) => r.status === 'completed').length },
        byPersona: summarizeTrainingCompletion(shown, employees, toTrainingProgress(known)),
        overall: PERSONAS.map((persona) => {
          const of = employees.filter((e) => e.persona === persona);
          const done = new Set(known.filter((r) => r.status === 'completed').map((r) => r.employeeId));
          const going = new Set(known.filter((r) => r.status === 'started').map((r) => r.employeeId));
          const completed = of.filter((e) => done.has(e.id)).length;
          const started = of.filter((e) => !done.has(e.id) && going.has(e.id)).length;
          return { persona, people: of.length, started, completed, completionPercent: of.length === 0 ? null : Math.round((completed / of.length) * 1000) / 10 };
        }),
        byModule: summarizeModuleCompletion(shown.map((m) => m.id), known),
        stuck: findStuckLearners(known, deps.clock().toISOString(), stuckAfterDays).map((s) => ({ ...s, displayName: names.get(s.employeeId) ?? s.employeeId })),
      };
    },

    /**
     * What the nudge card shows one person for one module, or `undefined` when there is nothing
     * to send any more (module no longer published, already done, declined three times, person gone).
     */
    async nudgeView(tenantId: string, employeeId: string, moduleId: string): Promise<TrainingNudgeView | undefined> {
      const [module, record, employee] = await Promise.all([stores.modules.get(tenantId, moduleId).catch((err: unknown) => {
        if (err instanceof NotFoundError) return undefined;
        throw err;
      }), stores.progress.get(tenantId, moduleId, employeeId), deps.employees.find(tenantId, employeeId)]);
      if (!module || !employee || module.value.state !== 'published') return undefined;
      if (record?.value.status === 'completed' || (record?.value.notNows ?? 0) >= MAX_NOT_NOWS) return undefined;
      return viewOf(module.value, record?.value, employee.value);
    },

    /** Attach the completion hook once it exists (the Viva Learning sync is built after the services). */
    attachCompletionHook(hook: NonNullable<TrainingServiceDeps['onCompleted']>): void {
      onCompleted = hook;
    },

    /** One person's records (trainer view). */
    personProgress: (tenantId: string, employeeId: string) => stores.progress.listByEmployee(tenantId, employeeId),
  };
}

export type TrainingService = ReturnType<typeof createTrainingService>;
