/**
 * Data requests (admins): everything the programme stores about one person, as one JSON document
 * (employee record, whether the bot has a chat with them, shares, answers to prompts, clicks and
 * points earned as totals, goals, training progress, wins, policy acknowledgements, suggestions).
 * Deleting a person erases those rows through the `PersonalDataEraser` port and answers what
 * remains only as counts that name no one (clicks on their links, still in each item's totals).
 */
import type { Suggestion } from '../../shared/contracts/suggestions.js';
import { totalErased, type ErasureCounts, type ErasureRemains } from '../../shared/domain/data-requests.js';
import type { PersonalDataEraser } from './data-requests.ports.js';
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
  clock: () => Date;
  /** Erases the person's rows (deletion); without it `deletePerson` is refused. */
  eraser?: PersonalDataEraser;
  /**
   * Seam for topic hubs (another module's store): remove the person from every topic role and
   * proposal, answering how many were removed. Absent = the hubs hold no roles of theirs here.
   */
  topicRoles?: { removePerson(tenantId: string, employeeId: string): Promise<number> };
}

/** Answer of a deletion: rows removed per kind, and what remains as counts only. */
export interface PersonDeletion {
  employeeId: string;
  deletedAt: string;
  erased: ErasureCounts;
  total: number;
  remains: ErasureRemains;
}

export interface DataRequestService {
  /** The person's data; NotFoundError for an unknown person. */
  exportPerson(tenantId: string, employeeId: string): Promise<Record<string, unknown>>;
  /** Delete the person's data; NotFoundError for an unknown (or already deleted) person. */
  deletePerson(tenantId: string, employeeId: string): Promise<PersonDeletion>;
}

/** Build the data-request service. */
export function createDataRequestService(deps: DataRequestDeps): DataRequestService {
  return {
    async exportPerson(tenantId, employeeId) {
      const employee = await deps.employees.find(tenantId, employeeId);
      if (!employee) throw new NotFoundError(`employee ${employeeId}`);
      const [reference, shares, responses, acknowledgements, totals, wins, goals, training, suggestions] = await Promise.all([
        deps.conversationReferences.find(tenantId, employeeId),
        deps.shares.listByEmployee(tenantId, employeeId),
        deps.contentResponses.listByEmployee(tenantId, employeeId),
        deps.policies.listAcknowledgements(tenantId, employeeId),
        deps.tallies.getTotals(tenantId, employeeId),
        deps.wins.listByEmployee(tenantId, employeeId),
        deps.goals.list(tenantId, employeeId),
        deps.trainingProgress.listByEmployee(tenantId, employeeId),
        deps.suggestions.listBySuggester(tenantId, employeeId),
      ]);
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
      };
    },

    async deletePerson(tenantId, employeeId) {
      if (!deps.eraser) throw new Error('data deletion is not configured');
      if (!(await deps.employees.find(tenantId, employeeId))) throw new NotFoundError(`employee ${employeeId}`);
      const topicRoles = deps.topicRoles ? await deps.topicRoles.removePerson(tenantId, employeeId) : 0;
      const { counts, links } = await deps.eraser.erase(tenantId, employeeId);
      const erased = { ...counts, topicRoles: counts.topicRoles + topicRoles };
      const byContent = new Map<string, number>();
      for (const link of links) byContent.set(link.contentId, (byContent.get(link.contentId) ?? 0) + link.clicks);
      return {
        employeeId,
        deletedAt: deps.clock().toISOString(),
        erased,
        total: totalErased(erased),
        remains: {
          links: links.length,
          clicks: links.reduce((sum, l) => sum + l.clicks, 0),
          clicksByContent: [...byContent].map(([contentId, clicks]) => ({ contentId, clicks })).sort((a, b) => b.clicks - a.clicks || a.contentId.localeCompare(b.contentId)),
        },
      };
    },
  };
}
