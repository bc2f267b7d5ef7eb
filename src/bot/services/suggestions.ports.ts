/** Storage port of content suggestions (implemented by `TableSuggestionRepository` in src/bot/storage). */
import type { Suggestion } from '../../shared/contracts/suggestions.js';
import type { Versioned } from './ports.js';

export interface SuggestionRepository {
  /** Store a new suggestion; ConflictError when the id is taken. */
  create(tenantId: string, suggestion: Suggestion): Promise<void>;
  /** The suggestions one person made, newest first. */
  listBySuggester(tenantId: string, employeeId: string): Promise<Suggestion[]>;
  /** A tenant's suggestions in one status, oldest first (the admin queue). */
  listByStatus(tenantId: string, status: Suggestion['status']): Promise<Suggestion[]>;
  /** One suggestion with its ETag; NotFoundError when absent. */
  get(tenantId: string, id: string): Promise<Versioned<Suggestion>>;
  /** Replace when the ETag still matches; ConflictError otherwise. */
  update(tenantId: string, suggestion: Suggestion, etag: string): Promise<Versioned<Suggestion>>;
}
