/**
 * The audit log: who did what, when, with before/after where a service knows them (programme
 * settings). Every write through the tab API by a signed-in caller is recorded (`audit-trail.ts`);
 * the admin pages read and export it.
 */

/** One recorded action. */
export interface AuditEntry {
  tenantId: string;
  /** Unique per entry; with `at` it orders entries newest first. */
  id: string;
  /** ISO instant the action was answered. */
  at: string;
  actorId: string;
  actorName: string;
  actorRoles: string[];
  /** `METHOD /route/:pattern`, e.g. `POST /api/training/modules/:id/publish`. */
  action: string;
  /** Route parameters (ids the action was about), JSON. */
  target: Record<string, string>;
  /** HTTP status answered: refused attempts (401/403/4xx) are recorded too. */
  status: number;
  /** State before and after, when the route's service supplies them (JSON-serialisable). */
  before?: unknown;
  after?: unknown;
}

export interface AuditLogRepository {
  append(entry: AuditEntry): Promise<void>;
  /** Newest first, at most `limit`, optionally only entries at or after `since` (ISO). */
  list(tenantId: string, options: { limit: number; since?: string }): Promise<AuditEntry[]>;
}
