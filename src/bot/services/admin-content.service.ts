/**
 * Admin use cases for content: the item editor and its lifecycle (domain `content-lifecycle.ts`),
 * and the suggestions queue (approve = a draft item made from the suggestion; reject = a reason
 * told to the person). Blocked phrases (domain `blocked-phrases.ts`, list from the admin
 * settings) flag items and suggestions; a flag informs the reviewer, it never blocks them.
 */
import type { AdminContentInput, AdminContentItem, AdminContentQuery, AdminSuggestion } from '../../shared/contracts/admin.js';
import type { Suggestion } from '../../shared/contracts/suggestions.js';
import { findBlockedPhrasesIn } from '../../shared/domain/blocked-phrases.js';
import { allowedContentActions, effectiveContentStatus, isContentEditable, transitionContent, type ContentAction } from '../../shared/domain/content-lifecycle.js';
import type { ContentItem } from '../../shared/domain/types.js';
import type { AdminSettingsRepository } from './admin.ports.js';
import { DEFAULT_ADMIN_SETTINGS } from './admin.ports.js';
import { ConflictError, ValidationError } from './errors.js';
import type { ContentRepository, EmployeeRepository } from './ports.js';
import type { SuggestionRepository } from './suggestions.ports.js';

/** Tells a person their suggestion was declined, in their language (bot message). */
export type RejectionNotifier = (tenantId: string, employeeId: string, notice: { url: string; reason: string }) => Promise<'sent' | 'no-reference' | 'unreachable'>;

export interface AdminContentServiceDeps {
  content: ContentRepository;
  suggestions: SuggestionRepository;
  employees: Pick<EmployeeRepository, 'listByTenant' | 'find'>;
  adminSettings: Pick<AdminSettingsRepository, 'find'>;
  randomBytes: (count: number) => Uint8Array;
  clock: () => Date;
  notifyRejection?: RejectionNotifier;
  logger?: { warn(details: object, message: string): void };
}

export interface AdminContentService {
  list(tenantId: string, query: AdminContentQuery): Promise<AdminContentItem[]>;
  create(tenantId: string, input: AdminContentInput): Promise<AdminContentItem>;
  /** Edit fields; the status is kept. Returns the item before and after (for the audit log). */
  update(tenantId: string, id: string, input: AdminContentInput): Promise<{ before: AdminContentItem; after: AdminContentItem }>;
  transition(tenantId: string, id: string, action: ContentAction): Promise<{ before: AdminContentItem; after: AdminContentItem }>;
  suggestions(tenantId: string, status: Suggestion['status']): Promise<AdminSuggestion[]>;
  approveSuggestion(tenantId: string, id: string, adminId: string): Promise<{ suggestion: AdminSuggestion; contentId: string }>;
  rejectSuggestion(tenantId: string, id: string, adminId: string, reason: string): Promise<{ suggestion: AdminSuggestion; notified: string }>;
}

/** Texts of an item that blocked phrases are looked for in. */
function itemTexts(item: ContentItem): string[] {
  return [item.title, item.summary, ...item.suggestedTexts.flatMap((s) => s.variants)];
}

/** Build the admin content service. */
export function createAdminContentService(deps: AdminContentServiceDeps): AdminContentService {
  const hex = (n: number) => [...deps.randomBytes(n)].map((b) => b.toString(16).padStart(2, '0')).join('');
  const phrases = async (tenantId: string) => (await deps.adminSettings.find(tenantId))?.blockedPhrases ?? DEFAULT_ADMIN_SETTINGS.blockedPhrases;
  const view = (item: ContentItem, blocked: readonly string[]): AdminContentItem => ({
    ...item,
    effectiveStatus: effectiveContentStatus(item, deps.clock().toISOString()),
    flaggedPhrases: findBlockedPhrasesIn(itemTexts(item), blocked),
    actions: allowedContentActions(item.status),
  });
  const fields = (input: AdminContentInput) => ({
    url: input.url,
    title: input.title,
    summary: input.summary,
    language: input.language,
    category: input.category,
    topics: input.topics,
    targetTeams: input.targetTeams,
    targetPersonas: input.targetPersonas,
    targetLanguages: input.targetLanguages,
    suggestedTexts: input.suggestedTexts,
    ...(input.imageUrl !== undefined ? { imageUrl: input.imageUrl } : {}),
    ...(input.publishAt !== undefined ? { publishAt: input.publishAt } : {}),
    ...(input.expiresAt !== undefined ? { expiresAt: input.expiresAt } : {}),
  });
  const suggestionView = (s: Suggestion, names: Map<string, string>, blocked: readonly string[]): AdminSuggestion => ({
    ...s,
    suggesterName: names.get(s.suggestedBy) ?? s.suggestedBy,
    flaggedPhrases: findBlockedPhrasesIn([s.url, s.why, s.topic ?? ''], blocked),
  });
  const names = async (tenantId: string) => new Map((await deps.employees.listByTenant(tenantId)).map((e) => [e.id, e.displayName]));
  const pending = async (tenantId: string, id: string) => {
    const stored = await deps.suggestions.get(tenantId, id);
    if (stored.value.status !== 'pending') throw new ConflictError(`suggestion ${id} was already ${stored.value.status}`, 409);
    return stored;
  };

  return {
    async list(tenantId, query) {
      const [items, blocked] = await Promise.all([deps.content.list(tenantId), phrases(tenantId)]);
      const q = query.q?.toLocaleLowerCase();
      return items
        .map((item) => view(item, blocked))
        .filter((item) => (query.status === undefined || item.effectiveStatus === query.status)
          && (query.language === undefined || item.language === query.language)
          && (q === undefined || q === '' || `${item.title} ${item.url} ${item.summary}`.toLocaleLowerCase().includes(q))
          && (query.flagged === undefined || (query.flagged === 'true') === item.flaggedPhrases.length > 0))
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id));
    },

    async create(tenantId, input) {
      const item: ContentItem = { id: `c-${hex(8)}`, ...fields(input), status: 'draft', createdAt: deps.clock().toISOString() };
      await deps.content.create(tenantId, item);
      return view(item, await phrases(tenantId));
    },

    async update(tenantId, id, input) {
      const [stored, blocked] = await Promise.all([deps.content.get(tenantId, id), phrases(tenantId)]);
      if (!isContentEditable(stored.value.status)) throw new ConflictError(`content ${id} is expired: reopen it first`, 409);
      const { status, createdAt, submittedBy } = stored.value;
      const next: ContentItem = { id, ...fields(input), status, createdAt, ...(submittedBy !== undefined ? { submittedBy } : {}) };
      await deps.content.update(tenantId, next, stored.etag);
      return { before: view(stored.value, blocked), after: view(next, blocked) };
    },

    async transition(tenantId, id, action) {
      const [stored, blocked] = await Promise.all([deps.content.get(tenantId, id), phrases(tenantId)]);
      const result = transitionContent(stored.value, action, deps.clock().toISOString());
      if (!result.ok) {
        if (result.reason === 'not-allowed') throw new ConflictError(`cannot ${action} content in status ${stored.value.status}`, 409);
        throw new ValidationError(`cannot ${action}: ${result.reason}`);
      }
      const next: ContentItem = { ...stored.value, status: result.status, ...(result.publishAt !== undefined ? { publishAt: result.publishAt } : {}) };
      await deps.content.update(tenantId, next, stored.etag);
      return { before: view(stored.value, blocked), after: view(next, blocked) };
    },

    async suggestions(tenantId, status) {
      const [list, blocked, people] = await Promise.all([deps.suggestions.listByStatus(tenantId, status), phrases(tenantId), names(tenantId)]);
      return list.map((s) => suggestionView(s, people, blocked));
    },

    async approveSuggestion(tenantId, id, adminId) {
      const stored = await pending(tenantId, id);
      const s = stored.value;
      const author = await deps.employees.find(tenantId, s.suggestedBy);
      const language = author?.value.language ?? 'en';
      // One id per suggestion: a retried approval finds the draft already made instead of a second one.
      const contentId = `sug-${s.id}`;
      const item: ContentItem = {
        id: contentId,
        title: new URL(s.url).hostname,
        url: s.url,
        summary: s.why,
        language,
        category: 'industry',
        topics: s.topic !== undefined ? [s.topic] : [],
        targetTeams: [],
        targetPersonas: [],
        targetLanguages: [],
        suggestedTexts: [],
        status: 'draft',
        submittedBy: s.suggestedBy,
        createdAt: deps.clock().toISOString(),
      };
      try {
        await deps.content.create(tenantId, item);
      } catch (err) {
        if (!(err instanceof ConflictError)) throw err;
      }
      const decided: Suggestion = { ...s, status: 'approved', decidedAt: deps.clock().toISOString(), decidedBy: adminId, contentId };
      await deps.suggestions.update(tenantId, decided, stored.etag);
      const [blocked, people] = await Promise.all([phrases(tenantId), names(tenantId)]);
      return { suggestion: suggestionView(decided, people, blocked), contentId };
    },

    async rejectSuggestion(tenantId, id, adminId, reason) {
      const stored = await pending(tenantId, id);
      const decided: Suggestion = { ...stored.value, status: 'rejected', decidedAt: deps.clock().toISOString(), decidedBy: adminId, decisionReason: reason };
      await deps.suggestions.update(tenantId, decided, stored.etag);
      let notified = 'not-configured';
      if (deps.notifyRejection) {
        try {
          notified = await deps.notifyRejection(tenantId, decided.suggestedBy, { url: decided.url, reason });
        } catch (err) {
          // The decision stands and is in the person's own list; the chat message is a courtesy.
          notified = 'failed';
          deps.logger?.warn({ error: err instanceof Error ? err.message : String(err) }, 'rejection notice not sent');
        }
      }
      const [blocked, people] = await Promise.all([phrases(tenantId), names(tenantId)]);
      return { suggestion: suggestionView(decided, people, blocked), notified };
    },
  };
}
