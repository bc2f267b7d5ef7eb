/**
 * Onboarding: a chat user becomes an enrolled Employee, takes the social audit (persona from the
 * domain's Onalytica rules, kept with its history), and chooses whether they want prompts at all
 * ("I don't want prompts" is a real choice: it pauses prompts, seed 002: choice, not obligation).
 * The audit can be re-taken at any time; the history only grows when the persona changes.
 */
import type { AuditAnswers } from '../../shared/contracts/audit.js';
import {
  advisePersonaNextStep,
  classifyPersona,
  isLeader,
  latestPersonaEntry,
  recordPersona,
  type AdviceMessage,
} from '../../shared/domain/personas.js';
import { isValidTimeZone } from '../../shared/domain/time-zones.js';
import type { Employee, Language, Persona, TopicAssignment } from '../../shared/domain/types.js';
import { resolveLanguage } from '../../shared/i18n/index.js';
import { ConflictError } from './errors.js';
import { retryOnConflict } from './retry-on-conflict.js';
import type { EmployeeRepository, TopicRepository } from './ports.js';

export type { AuditAnswers } from '../../shared/contracts/audit.js';

/** Defaults of a person enrolled from chat; an admin may change them later. */
export const ENROLMENT_DEFAULTS = Object.freeze({
  workingDays: [1, 2, 3, 4, 5] as Employee['workingDays'],
  workingHours: { start: 9, end: 17 },
  weeklyPromptCap: 3,
  roles: ['employee'] as Employee['roles'],
  timeZone: 'UTC',
  team: '',
});

/** Repositories onboarding reads and writes. */
export interface OnboardingDeps {
  /** Told about a persona change after it is stored (wins: a level-up is celebrated once). */
  onPersonaChange?: (tenantId: string, employeeId: string, from: Persona, to: Persona, at: Date) => Promise<unknown>;
  employees: Pick<EmployeeRepository, 'find' | 'get' | 'create' | 'update'>;
  topics: Pick<TopicRepository, 'list'>;
  /** The programme's defaults for new people (Admin > Settings: weekly cap, working days), when saved. */
  programmeDefaults?: (tenantId: string) => Promise<{ weeklyPromptCap?: number; workingDays?: Employee['workingDays'] } | undefined>;
}

/** A chat user as the first turn knows them. */
export interface EnrolInput {
  tenantId: string;
  employeeId: string;
  displayName?: string;
  /** Teams locale (`ja-JP`); mapped to a supported language, English otherwise. */
  locale?: string;
  /** IANA zone from the activity's `localTimezone`; ignored when unknown to `Intl`. */
  timeZone?: string;
  now: Date;
}

/** What an audit changed, for the persona reply ("where you sit on the chart" and the next step). */
export interface AuditOutcome {
  employee: Employee;
  persona: Persona;
  /** Persona held before this audit (absent on the first audit). */
  previous?: Persona;
  /** Went up a journey level (observer -> sharer/networker -> influencer): a win to celebrate. */
  levelUp: boolean;
  /** The person's next step (i18n key + params, `bot` namespace `persona.next.*`). */
  advice: AdviceMessage;
}

/** Enrolment, the social audit and the prompts choice (see the module comment). */
export interface OnboardingService {
  /** Employee for a chat user; creates a minimal record (persona observer until audited, language from locale, time zone when known) if absent. Updates timeZone when given and different. */
  ensureEnrolled(input: EnrolInput): Promise<{ employee: Employee; created: boolean }>;
  /** Classify, record the persona history, store the audit, apply topics and the prompts choice. */
  submitAudit(tenantId: string, employeeId: string, answers: AuditAnswers, now: Date): Promise<AuditOutcome>;
  setPromptsPaused(tenantId: string, employeeId: string, paused: boolean): Promise<Employee>;
  /** Topics for the audit card's choice set, names in the language. */
  listTopics(tenantId: string, language: Language): Promise<Array<{ id: string; name: string }>>;
}

/**
 * Topics chosen in the audit become `social-mind` assignments (the pyramid's first level: people
 * interested in a topic). Higher roles an admin gave are kept whatever the audit says; interests
 * no longer chosen are dropped.
 */
export function applyAuditTopics(current: readonly TopicAssignment[], chosen: readonly string[], known: ReadonlySet<string>): TopicAssignment[] {
  const kept = current.filter((t) => t.role !== 'social-mind' || chosen.includes(t.topicId));
  const held = new Set(kept.map((t) => t.topicId));
  const added = chosen.filter((id) => known.has(id) && !held.has(id)).map((topicId): TopicAssignment => ({ topicId, role: 'social-mind' }));
  return [...kept, ...added];
}

/** Build the onboarding service over its repositories. */
export function createOnboardingService(deps: OnboardingDeps): OnboardingService {
  const { employees } = deps;

  async function ensureEnrolled(input: EnrolInput): Promise<{ employee: Employee; created: boolean }> {
    const zone = input.timeZone !== undefined && isValidTimeZone(input.timeZone) ? input.timeZone : undefined;
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const found = await employees.find(input.tenantId, input.employeeId);
      if (found) {
        if (zone === undefined || zone === found.value.timeZone) return { employee: found.value, created: false };
        const updated = await retryOnConflict(
          () => employees.get(input.tenantId, input.employeeId),
          (e) => (e.timeZone === zone ? undefined : { ...e, timeZone: zone }),
          (e, etag) => employees.update(e, etag),
        );
        return { employee: updated, created: false };
      }
      const at = input.now.toISOString();
      const programme = await deps.programmeDefaults?.(input.tenantId);
      const employee: Employee = {
        id: input.employeeId,
        tenantId: input.tenantId,
        displayName: input.displayName?.trim() || input.employeeId,
        email: '',
        team: ENROLMENT_DEFAULTS.team,
        timeZone: zone ?? ENROLMENT_DEFAULTS.timeZone,
        workingDays: [...(programme?.workingDays ?? ENROLMENT_DEFAULTS.workingDays)],
        workingHours: { ...ENROLMENT_DEFAULTS.workingHours },
        language: resolveLanguage(input.locale),
        roles: [...ENROLMENT_DEFAULTS.roles],
        persona: 'observer',
        leader: false,
        personaHistory: [],
        topics: [],
        weeklyPromptCap: programme?.weeklyPromptCap ?? ENROLMENT_DEFAULTS.weeklyPromptCap,
        promptsPaused: false,
        joinedAt: at,
      };
      try {
        const created = await employees.create(employee);
        return { employee: created.value, created: true };
      } catch (err) {
        // Two first messages at once: the other turn enrolled the person; read it back.
        if (!(err instanceof ConflictError)) throw err;
      }
    }
    const found = await employees.get(input.tenantId, input.employeeId);
    return { employee: found.value, created: false };
  }

  async function submitAudit(tenantId: string, employeeId: string, answers: AuditAnswers, now: Date): Promise<AuditOutcome> {
    const at = now.toISOString();
    const known = new Set((await deps.topics.list(tenantId)).map((t) => t.id));
    const persona = classifyPersona(answers);
    let outcome: Pick<AuditOutcome, 'previous' | 'levelUp'> = { levelUp: false };
    const employee = await retryOnConflict(
      () => employees.get(tenantId, employeeId),
      (current) => {
        const update = recordPersona(current.personaHistory, persona, at);
        // The stored persona may have been set by an admin without history: compare with it too.
        const previous = update.previous ?? (current.audit ? current.persona : undefined);
        outcome = { levelUp: update.levelUp, ...(previous !== undefined ? { previous } : {}) };
        return {
          ...current,
          persona,
          leader: current.leader || isLeader(current.roles),
          personaHistory: update.history,
          audit: {
            audience: answers.audience,
            postsPerMonth: answers.postsPerMonth,
            goals: [...answers.goals],
            learningStyle: answers.learningStyle,
            wantsToGrow: answers.wantsToGrow,
            auditedAt: at,
          },
          topics: applyAuditTopics(current.topics, answers.topics, known),
          promptsPaused: answers.noPrompts,
        };
      },
      (next, etag) => employees.update(next, etag),
    );
    const advice = advisePersonaNextStep({ persona, audit: employee.audit, leader: employee.leader });
    if (outcome.previous !== undefined && outcome.previous !== persona) await deps.onPersonaChange?.(tenantId, employeeId, outcome.previous, persona, now);
    return { employee, persona, ...outcome, advice };
  }

  async function setPromptsPaused(tenantId: string, employeeId: string, paused: boolean): Promise<Employee> {
    return retryOnConflict(
      () => employees.get(tenantId, employeeId),
      (e) => (e.promptsPaused === paused ? undefined : { ...e, promptsPaused: paused }),
      (next, etag) => employees.update(next, etag),
    );
  }

  async function listTopics(tenantId: string, language: Language): Promise<Array<{ id: string; name: string }>> {
    const topics = await deps.topics.list(tenantId);
    return topics
      .map((t) => ({ id: t.id, name: t.name[language] ?? t.name.en }))
      .sort((a, b) => a.name.localeCompare(b.name, language));
  }

  return { ensureEnrolled, submitAudit, setPromptsPaused, listTopics };
}

/** The persona currently in force according to the history (for "where you sit on the chart"). */
export function currentPersona(employee: Pick<Employee, 'persona' | 'personaHistory'>): Persona {
  return latestPersonaEntry(employee.personaHistory)?.persona ?? employee.persona;
}
