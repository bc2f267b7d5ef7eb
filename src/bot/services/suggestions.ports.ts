/** Storage port of content suggestions (implemented by `TableSuggestionRepository` in src/bot/storage). */
import type { Suggestion } from '../../shared/contracts/suggestions.js';

export interface SuggestionRepository {
  /** Store a new suggestion; ConflictError when the id is taken. */
  create(tenantId: string, suggestion: Suggestion): Promise<void>;
  /** The suggestions one person made, newest first. */
  listBySuggester(tenantId: string, employeeId: string): Promise<Suggestion[]>;
}
