/**
 * Content suggestions (table `Suggestions`): one partition per tenant (admins review a tenant's
 * pending suggestions together), row key = the suggestion id; a person's own suggestions are the
 * same partition narrowed by an `odata`-built column filter.
 */
import { odata, type TableClient } from '@azure/data-tables';
import { SuggestionSchema, type Suggestion } from '../../shared/contracts/suggestions.js';
import type { SuggestionRepository } from '../services/suggestions.ports.js';
import type { Versioned } from '../services/ports.js';
import { keys } from './keys.js';
import { TenantCollection, tenantCodec } from './tenant-collection.js';

const codec = tenantCodec<Suggestion>({ keys: keys.suggestion, schema: SuggestionSchema, label: 'suggestion', plural: 'suggestions' });

/** SuggestionRepository on Azure Table Storage. */
export class TableSuggestionRepository implements SuggestionRepository {
  private readonly suggestions: TenantCollection<Suggestion>;

  constructor(table: TableClient) {
    this.suggestions = new TenantCollection(table, codec);
  }

  async create(tenantId: string, suggestion: Suggestion): Promise<void> {
    await this.suggestions.create(tenantId, suggestion);
  }

  async listBySuggester(tenantId: string, employeeId: string): Promise<Suggestion[]> {
    const rows = await this.suggestions.list(tenantId, odata`suggestedBy eq ${employeeId}`);
    return rows.sort((a, b) => b.suggestedAt.localeCompare(a.suggestedAt) || b.id.localeCompare(a.id));
  }

  async listByStatus(tenantId: string, status: Suggestion['status']): Promise<Suggestion[]> {
    const rows = await this.suggestions.list(tenantId, odata`status eq ${status}`);
    return rows.sort((a, b) => a.suggestedAt.localeCompare(b.suggestedAt) || a.id.localeCompare(b.id));
  }

  get(tenantId: string, id: string): Promise<Versioned<Suggestion>> {
    return this.suggestions.get(tenantId, id);
  }

  update(tenantId: string, suggestion: Suggestion, etag: string): Promise<Versioned<Suggestion>> {
    return this.suggestions.update(tenantId, suggestion, etag);
  }
}
