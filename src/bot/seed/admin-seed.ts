/**
 * Admin demo data: the default blocked phrases (the spam injected into seed article 004) and a few
 * pending suggestions from demo people, two of which carry those phrases so the Admin tab shows
 * them caught. Deterministic ids; a suggestion already decided is never touched again.
 */
import type { Suggestion } from '../../shared/contracts/suggestions.js';
import { DEFAULT_ADMIN_SETTINGS, type AdminSettingsRepository } from '../services/admin.ports.js';
import { ConflictError } from '../services/errors.js';
import type { SuggestionRepository } from '../services/suggestions.ports.js';

const HOUR = 3_600_000;

/** The demo's pending suggestions, relative to `now`. */
export function demoSuggestions(now: Date): Suggestion[] {
  const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * HOUR).toISOString();
  return [
    { id: 'demo-sug-1', url: 'https://news.contoso.example/zh/advocacy-digest', why: '员工倡导的好文章。乌干达电报数据 请联系我们获取。', topic: 'employee-advocacy', status: 'pending', suggestedBy: 'demo-employee', suggestedAt: at(30) },
    { id: 'demo-sug-2', url: 'https://leads.example.net/offer', why: 'Cheap leads: Uganda Telegram data, verified numbers.', status: 'pending', suggestedBy: 'demo-employee', suggestedAt: at(20) },
    { id: 'demo-sug-3', url: 'https://www.onalytica.com/blog/posts/employee-advocacy-2-0/', why: 'The Employee Advocacy 2.0 report explains the persona journey well; good for our Sales team.', topic: 'employee-advocacy', status: 'pending', suggestedBy: 'demo-employee', suggestedAt: at(6) },
  ];
}

/** Seed the admin demo (idempotent). */
export async function seedAdminDemo(stores: { suggestions: SuggestionRepository; adminSettings: AdminSettingsRepository }, tenantId: string, now: Date): Promise<void> {
  if (!(await stores.adminSettings.find(tenantId))) await stores.adminSettings.upsert(tenantId, { ...DEFAULT_ADMIN_SETTINGS, blockedPhrases: [...DEFAULT_ADMIN_SETTINGS.blockedPhrases] });
  for (const suggestion of demoSuggestions(now)) {
    try {
      await stores.suggestions.create(tenantId, suggestion);
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
    }
  }
}
