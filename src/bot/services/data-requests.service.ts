/**
 * Data requests (admins): everything the programme stores about one person, as one JSON document
 * (employee record, whether the bot has a chat with them, shares, share prompts, answers to
 * prompts, clicks and points earned as totals, goals, training progress, wins, policy
 * acknowledgements, suggestions, and every other row that names them: audit entries, import
 * report lines, campaign deliveries, analytics, snapshots, proposals, map entries, decisions).
 * Deleting a person erases their own rows through the `PersonalDataEraser` port, rewrites the
 * other rows with a pseudonym in place of every identifier (`PersonTraces`), and answers what
 * remains only as counts that name no one (docs/privacy.md has the table-by-table rules).
 */
import type { Suggestion } from '../../shared/contracts/suggestions.js';
import { totalErased, type ErasureCounts, type ErasureRemains } from '../../shared/domain/data-requests.js';
import type { PersonalDataEraser, PersonSubject, PersonTraces } from './data-requests.ports.js';
import { personPseudonym } from './data-requests-pseudonym.js';
import { NotFoundError } from './errors.js';
import type { GoalRepository } from './goals.ports.js';
import type { ConversationReferenceRepository, EmployeeRepository, Repositories } from './ports.js';
import type { MeasurementRepositories } from './scoring.ports.js';
import type { SuggestionRepository } from './suggestions.ports.js';
import type { TrainingProgressRepository } from './training.ports.js';

export interface DataRequestDeps {
  employees: Pick<EmployeeRepository, 'find'>;
  conversationReferences: Pick<ConversationReferenceRepository, 'find'>;
  shares: Pick<Repositories['shares'], 'listByEmployee'>;
  contentResponses: Pick<Repositories['contentResponses'], 'listByEmployee'>;
  policies: Pick<Repositories['policies'], 'listAcknowledgements'>;
  tallies: Pick<MeasurementRepositories['tallies'], 'getTotals'>;
  wins: Pick<MeasurementRepositories['wins'], 'listByEmployee'>;
  goals: Pick<GoalRepository, 'list'>;
  trainingProgress: Pick<TrainingProgressRepository, 'listByEmployee'>;
  suggestions: Pick<SuggestionRepository, 'listBySuggester'>;
  prompts?: Pick<Repositories['prompts'], 'listByEmployee'>;
  clock: () => Date;
  /** Rows that are not the person's but name them; without it the export and deletion skip them. */
  traces?: PersonTraces;
  /** Key of the pseudonym (a deployment secret); required with `traces`. */
  pseudonymKey?: string;
  /** Erases the person's rows (deletion); without it `deletePerson` is refused. */
  eraser?: PersonalDataEraser;
  /**
   * Seam for topic hubs (another module's store): remove the person from every topic role and
   * proposal, answering how many were removed. Absent = the hubs hold no roles of theirs here.
   */
  topicRoles?: { removePerson(tenantId: string, employeeId: string): Promise<number> };
}

/** Answer of a deletion: rows removed per kind, rows kept under the pseudonym, and what remains as counts only. */
export interface PersonDeletion {
  employeeId: string;
  deletedAt: string;
  erased: ErasureCounts;
  total: number;
  /** Rows that stay (accountability, aggregates) with the pseudonym in place of the person, per table. */
  pseudonymised: Record<string, number>;
  /** What now stands for the person in the rows that stay (e.g. the audit log). */
  pseudonym: string;
  remains: ErasureRemains;
}

export interface DataRequestService {
  /** The person's data; NotFoundError for an unknown person. */
  exportPerson(tenantId: string, employeeId: string): Promise<Record<string, unknown>>;
  /** Delete the person's data; NotFoundError for an unknown (or already deleted) person. */
  deletePerson(tenantId: string, employeeId: string): Promise<PersonDeletion>;
}

/** What a Teams conversation reference holds about its user (Teams user id, Entra object id, name). */
function referenceUser(reference: string | undefined): { ids: string[]; name?: string } {
  if (!reference) return { ids: [] };
  try {
    const user = (JSON.parse(reference) as { user?: { id?: unknown; aadObjectId?: unknown; name?: unknown } }).user;
    return { ids: [user?.id, user?.aadObjectId].filter((v): v is string => typeof v === 'string'), ...(typeof user?.name === 'string' ? { name: user.name } : {}) };
  } catch {
    return { ids: [] };
  }
}

/** Build the data-request service. */
export function createDataRequestService(deps: DataRequestDeps): DataRequestService {
  if (deps.traces && !deps.pseudonymKey) throw new Error('data requests: traces need a pseudonym key');
  const subjectOf = async (tenantId: string, employeeId: string, employee: { displayName: string; email: string }): Promise<PersonSubject> => {
    const reference = await deps.conversationReferences.find(tenantId, employeeId);
    const teams = referenceUser(reference?.reference);
    const present = (values: Array<string | undefined>) => [...new Set(values.filter((v): v is string => v !== undefined && v.trim() !== ''))];
    return {
      employeeId,
      ids: present([employeeId, ...teams.ids]),
      names: present([employee.displayName, teams.name]),
      emails: present([employee.email]),
      pseudonym: personPseudonym(deps.pseudonymKey ?? '', tenantId, employeeId),
    };
  };
  return {
    async exportPerson(tenantId, employeeId) {
      const employee = await deps.employees.find(tenantId, employeeId);
      if (!employee) throw new NotFoundError(`employee ${employeeId}`);
      const [reference, shares, responses, acknowledgements, totals, wins, goals, training, suggestions, prompts, traces] = await Promise.all([
        deps.conversationReferences.find(tenantId, employeeId),
        deps.shares.listByEmployee(tenantId, employeeId),
        deps.contentResponses.listByEmployee(tenantId, employeeId),
        deps.policies.listAcknowledgements(tenantId, employeeId),
        deps.tallies.getTotals(tenantId, employeeId),
        deps.wins.listByEmployee(tenantId, employeeId),
        deps.goals.list(tenantId, employeeId),
        deps.trainingProgress.listByEmployee(tenantId, employeeId),
        deps.suggestions.listBySuggester(tenantId, employeeId),
        deps.prompts ? deps.prompts.listByEmployee(tenantId, employeeId) : Promise.resolve([]),
        deps.traces ? subjectOf(tenantId, employeeId, employee.value).then((subject) => deps.traces!.find(tenantId, subject)) : Promise.resolve([]),
      ]);
      const elsewhere: Record<string, unknown[]> = {};
      for (const trace of traces) (elsewhere[trace.table] ??= []).push(trace.row);
      return {
        exportedAt: deps.clock().toISOString(),
        employee: employee.value,
        // The reference itself is a routing address of Teams, not the person's data: only whether it exists.
        botChat: reference ? { installed: true, language: reference.language, updatedAt: reference.updatedAt } : { installed: false },
        shares,
        responses,
        clicksAndPoints: totals ?? null,
        goals,
        training,
        wins,
        policyAcknowledgements: acknowledgements,
        suggestions: suggestions satisfies Suggestion[],
        sharePrompts: prompts,
        // Rows that are not theirs but name them (audit entries, import report lines, deliveries,
        // analytics, snapshots, proposals, map entries, decisions): deletion keeps these under a pseudonym.
        namedIn: elsewhere,
      };
    },

    async deletePerson(tenantId, employeeId) {
      if (!deps.eraser) throw new Error('data deletion is not configured');
      const employee = await deps.employees.find(tenantId, employeeId);
      if (!employee) throw new NotFoundError(`employee ${employeeId}`);
      // The subject is read first: the conversation reference (Teams ids) goes with the erasure.
      const subject = await subjectOf(tenantId, employeeId, employee.value);
      const topicRoles = deps.topicRoles ? await deps.topicRoles.removePerson(tenantId, employeeId) : 0;
      const { counts, links } = await deps.eraser.erase(tenantId, employeeId);
      // Their own rows are gone (deleted, not pseudonymised); now the rows that stay but name them.
      // The employee record goes last: until then a cut run can be run again and finds the rest.
      const pseudonymised = deps.traces ? await deps.traces.pseudonymise(tenantId, subject) : {};
      counts.employee = await deps.eraser.removeRecord(tenantId, employeeId);
      const erased = { ...counts, topicRoles: counts.topicRoles + topicRoles };
      const byContent = new Map<string, number>();
      for (const link of links) byContent.set(link.contentId, (byContent.get(link.contentId) ?? 0) + link.clicks);
      return {
        employeeId,
        deletedAt: deps.clock().toISOString(),
        erased,
        total: totalErased(erased),
        pseudonymised,
        pseudonym: subject.pseudonym,
        remains: {
          deliveries: pseudonymised.deliveries ?? 0,
          auditEntries: pseudonymised.auditLog ?? 0,
          links: links.length,
          clicks: links.reduce((sum, l) => sum + l.clicks, 0),
          clicksByContent: [...byContent].map(([contentId, clicks]) => ({ contentId, clicks })).sort((a, b) => b.clicks - a.clicks || a.contentId.localeCompare(b.contentId)),
        },
      };
    },
  };
}
