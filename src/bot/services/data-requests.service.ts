/**
 * Data requests (admins): everything the programme stores about one person, as one JSON document
 * (employee record, whether the bot has a chat with them, shares, answers to prompts, clicks and
 * points earned as totals, goals, training progress, wins, policy acknowledgements, suggestions).
 * Deleting a person is not built yet (docs/admin.md says what it will remove and keep).
 */
import type { Suggestion } from '../../shared/contracts/suggestions.js';
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
}

export interface DataRequestService {
  /** The person's data; NotFoundError for an unknown person. */
  exportPerson(tenantId: string, employeeId: string): Promise<Record<string, unknown>>;
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
  };
}
