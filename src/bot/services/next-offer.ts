/**
 * What to offer a person next: the domain's targeting (`selectOffers`: persona, topics, team,
 * language, freshness; skipped and shared items never again) over the live board, within the
 * person's choices: nothing while paused, nothing beyond the weekly cap of their local ISO week,
 * no item they already have a prompt for, except a snooze that is due and has not come back yet
 * (a snooze re-offers once).
 */
import { localWeekBounds } from '../../shared/domain/prompt-slots.js';
import { selectOffers } from '../../shared/domain/targeting.js';
import type { ContentItem, ContentResponse } from '../../shared/domain/types.js';
import type { Repositories } from './ports.js';

/** The next item to offer `employeeId` at `now`, or `undefined`. */
export async function selectNextOffer(
  repos: Pick<Repositories, 'employees' | 'prompts' | 'content' | 'contentResponses'>,
  tenantId: string,
  employeeId: string,
  now: Date,
): Promise<ContentItem | undefined> {
  const found = await repos.employees.find(tenantId, employeeId);
  if (!found || found.value.promptsPaused) return undefined;
  const employee = found.value;
  const nowMs = now.getTime();
  const [prompts, items, responses] = await Promise.all([
    repos.prompts.listByEmployee(tenantId, employeeId),
    repos.content.list(tenantId, { status: 'published' }),
    repos.contentResponses.listByEmployee(tenantId, employeeId),
  ]);
  const week = localWeekBounds(employee.timeZone, nowMs);
  const thisWeek = prompts.filter((p) => {
    const t = Date.parse(p.createdAt);
    return t >= week.startMs && t < week.endMs;
  }).length;
  if (thisWeek >= employee.weeklyPromptCap) return undefined;
  // An item already prompted is not offered again, except a snooze that is due and has not
  // come back yet (a snooze re-offers once).
  const snoozedDue = responses.filter((r) => r.kind === 'snoozed' && r.until !== undefined && Date.parse(r.until) <= nowMs);
  const comeBack = new Set<string>();
  await Promise.all(
    snoozedDue.map(async (r) => {
      const entry = prompts.find((p) => p.contentId === r.contentId);
      const prompt = entry && (await repos.prompts.find(entry.code));
      if (!entry || (prompt && prompt.value.reofferedAt === undefined)) comeBack.add(r.contentId);
    }),
  );
  const prompted = new Set(prompts.map((p) => p.contentId).filter((id) => !comeBack.has(id)));
  const hidden: ContentResponse[] = [...prompted].map((contentId) => ({ contentId, employeeId, kind: 'skipped', at: now.toISOString() }));
  const result = selectOffers(employee, items, [...responses, ...hidden], now.toISOString());
  return result.offers[0]?.item;
}
