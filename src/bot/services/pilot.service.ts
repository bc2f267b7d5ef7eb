/**
 * The leadership pilot: the page (cohort, phase, goals, persona chart, leaders' figures, rollout
 * checklist, go/no-go), its changes (hand ticks, goals, phase, decision; each stamped with who
 * and when, and recorded by the audit trail), and the weekly digest's data for the delivery job.
 * The rules are the domain's (`pilot.ts`, `analytics-pilot.ts`); this file gathers their inputs.
 */
import { randomUUID } from 'node:crypto';
import {
  countSharesWithClicks,
  MANUAL_READINESS_ITEMS,
  personaChartPoint,
  personaQuadrants,
  potentialReach,
  rolloutChecklist,
  type ManualReadinessItemId,
} from '../../shared/domain/analytics-pilot.js';
import { advancePilotPhase, decideRollout, evaluatePilotReadiness, nextPilotPhase, type PilotReadiness } from '../../shared/domain/pilot.js';
import type { TrainingProgress } from '../../shared/domain/training.js';
import type { Click, Employee, Language, Persona, Pilot, PilotPhase, Share } from '../../shared/domain/types.js';
import type { PilotDecision, PilotResponse } from '../../shared/contracts/pilot.js';
import type { PilotPlan, PilotRecordRepository } from './analytics.ports.js';
import { ConflictError, NotFoundError } from './errors.js';
import type { ClickRepository, ContentRepository, EmployeeRepository, PilotRepository, ShareRepository, TopicRepository } from './ports.js';
import type { PolicyRepository } from './sharing.ports.js';
import type { WinRepository } from './scoring.ports.js';

/** "N shares with clicks" of the checklist. */
export const SHARES_WITH_CLICKS_TARGET = 10;
/** Most people (besides the cohort) drawn on the persona chart. */
export const CHART_POINTS = 500;

export interface PilotDeps {
  pilots: PilotRepository;
  records: PilotRecordRepository;
  employees: Pick<EmployeeRepository, 'listByTenant'>;
  shares: Pick<ShareRepository, 'listByEmployee'>;
  clicks: Pick<ClickRepository, 'listByCode'>;
  policies: Pick<PolicyRepository, 'list'>;
  content: Pick<ContentRepository, 'list'>;
  topics: Pick<TopicRepository, 'list'>;
  wins: Pick<WinRepository, 'listByEmployee'>;
  /** Completed and started training modules; absent until training is tracked (shown as "—"). */
  trainingProgress?: (tenantId: string) => Promise<TrainingProgress[]>;
  clock?: () => Date;
}

/** Who acts. */
export interface Actor {
  employeeId: string;
  displayName: string;
}

/** The weekly pilot digest's data for one cohort member (see .tmp/PILOT-DIGEST.md). */
export interface PilotDigest {
  pilotName: string;
  phase: PilotPhase;
  week: { from: string; to: string };
  me: { displayName: string; persona: Persona; shares: number; clicks: number; reach: number };
  cohort: { size: number; shares: number; clicks: number; activeLeaders: number };
  readinessPercent: number;
  unmetItems: string[];
  decision?: { decision: 'go' | 'no-go'; at: string; decidedByName: string };
}

export interface PilotService {
  view(tenantId: string, language: Language): Promise<PilotResponse>;
  setTick(tenantId: string, item: ManualReadinessItemId, checked: boolean, actor: Actor): Promise<{ before: boolean; after: boolean }>;
  setGoals(tenantId: string, goals: string[]): Promise<{ before: string[]; after: string[] }>;
  /** Move to the next phase; ConflictError (code `PhaseNotReady` / `NotNextPhase`) when refused. */
  advancePhase(tenantId: string, to: PilotPhase): Promise<{ before: PilotPhase; after: PilotPhase }>;
  decide(tenantId: string, decision: 'go' | 'no-go', reason: string, actor: Actor): Promise<PilotDecision>;
  digestFor(tenantId: string, employeeId: string, weekStart: Date): Promise<PilotDigest | undefined>;
}

interface CohortActivity {
  shares: Map<string, Share[]>;
  clicks: Map<string, Click[]>;
}

const EMPTY_PLAN: PilotPlan = { goals: [], ticks: {} };
const DAY = 86_400_000;

/** Build the pilot service. */
export function createPilotService(deps: PilotDeps): PilotService {
  const clock = deps.clock ?? (() => new Date());

  async function pilotOf(tenantId: string): Promise<Pilot> {
    const pilots = await deps.pilots.list(tenantId);
    const pilot = [...pilots].sort((a, b) => b.startedAt.localeCompare(a.startedAt))[0];
    if (!pilot) throw new NotFoundError(`pilot of ${tenantId}: not found`);
    return pilot;
  }

  async function activityOf(tenantId: string, cohort: readonly string[]): Promise<CohortActivity> {
    const shares = new Map<string, Share[]>();
    const clicks = new Map<string, Click[]>();
    await Promise.all(
      cohort.map(async (id) => {
        const own = await deps.shares.listByEmployee(tenantId, id);
        shares.set(id, own);
        clicks.set(id, (await Promise.all(own.map((s) => deps.clicks.listByCode(s.linkCode)))).flat());
      }),
    );
    return { shares, clicks };
  }

  async function readinessOf(tenantId: string, pilot: Pilot, employees: Employee[], activity: CohortActivity, training: TrainingProgress[] | undefined): Promise<PilotReadiness> {
    const [policies, content] = await Promise.all([deps.policies.list(tenantId), deps.content.list(tenantId)]);
    return evaluatePilotReadiness({
      pilot,
      now: clock().toISOString(),
      employees,
      policies: policies.map((p) => ({ version: p.version, body: '', ...(p.publishedAt ? { publishedAt: p.publishedAt } : {}) })),
      trainingProgress: training ?? [],
      shares: [...activity.shares.values()].flat(),
      clicks: [...activity.clicks.values()].flat(),
      content,
    });
  }

  async function planOf(tenantId: string, pilotId: string): Promise<{ plan: PilotPlan; etag?: string }> {
    const stored = await deps.records.getPlan(tenantId, pilotId);
    return stored ? { plan: stored.value, etag: stored.etag } : { plan: EMPTY_PLAN };
  }

  /** Read-modify-write of the plan with its ETag (two admins ticking at once both land). */
  async function updatePlan(tenantId: string, pilotId: string, change: (plan: PilotPlan) => PilotPlan): Promise<{ before: PilotPlan; after: PilotPlan }> {
    for (let attempt = 1; ; attempt++) {
      const { plan, etag } = await planOf(tenantId, pilotId);
      const after = change(plan);
      try {
        await deps.records.putPlan(tenantId, pilotId, after, etag);
        return { before: plan, after };
      } catch (err) {
        if (!(err instanceof ConflictError) || attempt >= 5) throw err;
      }
    }
  }

  async function gather(tenantId: string) {
    const pilot = await pilotOf(tenantId);
    const [employees, plan, training] = await Promise.all([
      deps.employees.listByTenant(tenantId),
      planOf(tenantId, pilot.id),
      deps.trainingProgress ? deps.trainingProgress(tenantId) : Promise.resolve(undefined),
    ]);
    const activity = await activityOf(tenantId, pilot.cohort);
    const readiness = await readinessOf(tenantId, pilot, employees, activity, training);
    const allShares = [...activity.shares.values()].flat();
    const allClicks = [...activity.clicks.values()].flat();
    const checklist = rolloutChecklist(readiness, { actual: countSharesWithClicks(allShares, allClicks), target: SHARES_WITH_CLICKS_TARGET }, plan.plan.ticks);
    const rollout = decideRollout(pilot.phase, readiness);
    const blockingReasons = [...rollout.blockingReasons, ...checklist.items.filter((i) => !i.met && (i.source === 'manual' || i.id === 'shares-with-clicks')).map((i) => i.id)];
    return { pilot, employees, plan: plan.plan, training, activity, readiness, checklist, recommendation: { decision: blockingReasons.length === 0 ? ('go' as const) : ('no-go' as const), readinessPercent: checklist.percent, blockingReasons } };
  }

  return {
    async view(tenantId, language) {
      const g = await gather(tenantId);
      const cohort = new Set(g.pilot.cohort);
      const [topics, decisions] = await Promise.all([deps.topics.list(tenantId), deps.records.listDecisions(tenantId, g.pilot.id, 20)]);
      const topicName = new Map(topics.map((t) => [t.id, t.name[language] ?? t.name.en] as const));
      const byId = new Map(g.employees.map((e) => [e.id, e] as const));
      const others = g.employees.filter((e) => !cohort.has(e.id) && e.audit !== undefined).slice(0, CHART_POINTS);
      const points = [...g.employees.filter((e) => cohort.has(e.id)), ...others].flatMap((e) => {
        const point = personaChartPoint(e);
        if (!point) return [];
        const inCohort = cohort.has(e.id);
        return [{ ...point, inCohort, journey: [...e.personaHistory].sort((a, b) => a.since.localeCompare(b.since)), ...(inCohort ? { displayName: e.displayName } : {}) }];
      });
      const leaders = await Promise.all(
        g.pilot.cohort.flatMap((id) => {
          const e = byId.get(id);
          if (!e) return [];
          return [
            deps.wins.listByEmployee(tenantId, id).then((wins) => {
              const shares = g.activity.shares.get(id) ?? [];
              return {
                employeeId: id,
                displayName: e.displayName,
                persona: e.persona,
                journey: [...e.personaHistory].sort((a, b) => a.since.localeCompare(b.since)),
                shares: shares.length,
                clicks: g.activity.clicks.get(id)?.length ?? 0,
                reach: potentialReach(shares, e.audit?.audience),
                trainingDone: g.training === undefined ? null : new Set(g.training.filter((p) => p.employeeId === id && p.status === 'completed').map((p) => p.moduleId)).size,
                wins: wins.length,
                topicRoles: e.topics.map((t) => ({ topicId: t.topicId, topicName: topicName.get(t.topicId) ?? t.topicId, role: t.role })),
              };
            }),
          ];
        }),
      );
      const next = nextPilotPhase(g.pilot.phase);
      const advance = next === undefined ? undefined : advancePilotPhase(g.pilot.phase, g.readiness, next);
      return {
        pilot: { id: g.pilot.id, name: g.pilot.name, phase: g.pilot.phase, startedAt: g.pilot.startedAt, cohortSize: g.pilot.cohort.length, goals: g.plan.goals },
        quadrants: personaQuadrants(),
        points,
        leaders,
        checklist: g.checklist,
        recommendation: g.recommendation,
        nextPhase: next === undefined || advance === undefined ? null : { phase: next, ready: advance.ok, unmet: advance.ok ? [] : advance.reason === 'conditions-not-met' ? advance.unmet : [] },
        decisions,
      };
    },

    async setTick(tenantId, item, checked, actor) {
      if (!(MANUAL_READINESS_ITEMS as readonly string[]).includes(item)) throw new NotFoundError(`checklist item ${item}: not found`);
      const pilot = await pilotOf(tenantId);
      const at = clock().toISOString();
      const { before, after } = await updatePlan(tenantId, pilot.id, (plan) => ({ ...plan, ticks: { ...plan.ticks, [item]: { checked, by: actor.employeeId, byName: actor.displayName, at } } }));
      return { before: before.ticks[item]?.checked === true, after: after.ticks[item]?.checked === true };
    },

    async setGoals(tenantId, goals) {
      const pilot = await pilotOf(tenantId);
      const { before, after } = await updatePlan(tenantId, pilot.id, (plan) => ({ ...plan, goals: [...goals] }));
      return { before: before.goals, after: after.goals };
    },

    async advancePhase(tenantId, to) {
      const g = await gather(tenantId);
      const result = advancePilotPhase(g.pilot.phase, g.readiness, to);
      if (!result.ok) {
        const detail = result.reason === 'conditions-not-met' ? `: ${result.unmet.join(', ')}` : '';
        throw new ConflictError(`pilot ${g.pilot.id}: cannot move from ${g.pilot.phase} to ${to} (${result.reason})${detail}`, 409, result.reason === 'conditions-not-met' ? 'PhaseNotReady' : 'NotNextPhase');
      }
      await deps.pilots.upsert(tenantId, { ...g.pilot, phase: result.phase });
      return { before: g.pilot.phase, after: result.phase };
    },

    async decide(tenantId, decision, reason, actor) {
      const g = await gather(tenantId);
      const record: PilotDecision = {
        id: randomUUID(),
        decision,
        reason,
        decidedBy: actor.employeeId,
        decidedByName: actor.displayName,
        at: clock().toISOString(),
        recommended: g.recommendation.decision,
        readinessPercent: g.recommendation.readinessPercent,
      };
      await deps.records.addDecision(tenantId, g.pilot.id, record);
      return record;
    },

    async digestFor(tenantId, employeeId, weekStart) {
      const pilots = await deps.pilots.list(tenantId);
      if (pilots.length === 0) return undefined;
      const g = await gather(tenantId);
      if (!g.pilot.cohort.includes(employeeId)) return undefined;
      const from = weekStart.getTime();
      const to = from + 7 * DAY;
      const inWeek = (at: string) => Date.parse(at) >= from && Date.parse(at) < to;
      const me = g.employees.find((e) => e.id === employeeId);
      const weekShares = (id: string) => (g.activity.shares.get(id) ?? []).filter((s) => inWeek(s.sharedAt));
      const weekClicks = (id: string) => (g.activity.clicks.get(id) ?? []).filter((c) => inWeek(c.at));
      const [latest] = await deps.records.listDecisions(tenantId, g.pilot.id, 1);
      return {
        pilotName: g.pilot.name,
        phase: g.pilot.phase,
        week: { from: new Date(from).toISOString(), to: new Date(to).toISOString() },
        me: {
          displayName: me?.displayName ?? employeeId,
          persona: me?.persona ?? 'observer',
          shares: weekShares(employeeId).length,
          clicks: weekClicks(employeeId).length,
          reach: potentialReach(weekShares(employeeId), me?.audit?.audience),
        },
        cohort: {
          size: g.pilot.cohort.length,
          shares: g.pilot.cohort.reduce((n, id) => n + weekShares(id).length, 0),
          clicks: g.pilot.cohort.reduce((n, id) => n + weekClicks(id).length, 0),
          activeLeaders: g.pilot.cohort.filter((id) => weekShares(id).length > 0).length,
        },
        readinessPercent: g.checklist.percent,
        unmetItems: g.checklist.items.filter((i) => !i.met).map((i) => i.id),
        ...(latest ? { decision: { decision: latest.decision, at: latest.at, decidedByName: latest.decidedByName } } : {}),
      };
    },
  };
}
