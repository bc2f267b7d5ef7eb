/**
 * "Suggest content": an enrolled person proposes a link for the board. It is stored `pending`
 * with its author and time, for an admin's decision (the approval screen comes later); the
 * person sees their own suggestions and where each stands.
 */
import type { SuggestContent, Suggestion } from '../../shared/contracts/suggestions.js';
import type { SuggestionRepository } from './suggestions.ports.js';

export interface SuggestionService {
  /** Store a pending suggestion by `employeeId` (the caller; never taken from the request body). */
  suggest(tenantId: string, employeeId: string, input: SuggestContent, now: Date): Promise<Suggestion>;
  /** The caller's own suggestions, newest first. */
  listMine(tenantId: string, employeeId: string): Promise<Suggestion[]>;
}

export interface SuggestionServiceDeps {
  suggestions: SuggestionRepository;
  /** Random id source (`crypto.randomBytes` in the app). */
  randomBytes: (count: number) => Uint8Array;
}

/** Build the suggestion service. */
export function createSuggestionService(deps: SuggestionServiceDeps): SuggestionService {
  const newId = (now: Date) => `${now.getTime().toString(36).padStart(9, '0')}-${[...deps.randomBytes(6)].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
  return {
    async suggest(tenantId, employeeId, input, now) {
      const suggestion: Suggestion = {
        id: newId(now),
        url: input.url,
        why: input.why,
        ...(input.topic !== undefined ? { topic: input.topic } : {}),
        status: 'pending',
        suggestedBy: employeeId,
        suggestedAt: now.toISOString(),
      };
      await deps.suggestions.create(tenantId, suggestion);
      return suggestion;
    },
    listMine: (tenantId, employeeId) => deps.suggestions.listBySuggester(tenantId, employeeId),
  };
}
