/**
 * Heterogeneous audiences for the planner benchmark (issue 9): real programmes mix 15+ zones
 * (half-hour and 45-minute offsets included), personal hours, working days and quiet hours, and
 * prompt history, and may plan in 5-minute slots.
 */
import { createSeededRandom } from '../src/shared/domain/stagger-balance.js';
import type { PlannerRecipient, StaggerPlanInput } from '../src/shared/domain/stagger-planner.js';
import type { Weekday } from '../src/shared/domain/types.js';

/** 18 zones: -3:30 St John's, +3:30 Tehran, +5:30 Kolkata, +5:45 Kathmandu, +8:45 Eucla, +10:30 Adelaide, +13:45 Chatham. */
export const MIXED_ZONES = [
  'America/Los_Angeles', 'America/New_York', 'America/St_Johns', 'America/Sao_Paulo', 'Europe/London', 'Europe/Rome',
  'Europe/Moscow', 'Asia/Jerusalem', 'Asia/Tehran', 'Asia/Kolkata', 'Asia/Kathmandu', 'Asia/Bangkok', 'Asia/Shanghai',
  'Australia/Eucla', 'Australia/Adelaide', 'Asia/Tokyo', 'Pacific/Chatham', 'Pacific/Auckland',
];

/**
 * `zones`: per-zone working week (Sun-Thu in Israel), one of three hour sets, half of people with a
 * lunch quiet hour starting anywhere 11:00-12:30. `person`: everyone draws their own working days
 * (each day 75%), start (06:00-09:45 by quarter hours), length (4-10 h) and quiet hour; in both,
 * 0-3 earlier prompts over the surrounding fortnight, caps 1-3 a week, 1% paused.
 */
export function makeMixedAudience(n: number, kind: 'zones' | 'person', slotMinutes: number, window: { start: string; end: string }): StaggerPlanInput {
  const r = createSeededRandom(777);
  const audience: PlannerRecipient[] = [];
  for (let i = 0; i < n; i += 1) {
    const timeZone = MIXED_ZONES[i % MIXED_ZONES.length] ?? 'UTC';
    let workingDays: Weekday[];
    let allowedHours: { start: number; end: number };
    let quietHours: { start: number; end: number } | undefined;
    if (kind === 'zones') {
      workingDays = timeZone === 'Asia/Jerusalem' ? [0, 1, 2, 3, 4] : [1, 2, 3, 4, 5];
      allowedHours = [{ start: 8, end: 18 }, { start: 9, end: 17 }, { start: 7.5, end: 16 }][Math.floor(r() * 3)] ?? { start: 9, end: 17 };
      quietHours = r() < 0.5 ? { start: 11 + Math.floor(r() * 4) * 0.5, end: 13 + Math.floor(r() * 4) * 0.5 } : undefined;
    } else {
      workingDays = ([0, 1, 2, 3, 4, 5, 6] as Weekday[]).filter(() => r() < 0.75);
      if (workingDays.length === 0) workingDays = [1];
      const start = 6 + Math.floor(r() * 16) * 0.25;
      allowedHours = { start, end: Math.min(24, start + 4 + Math.floor(r() * 24) * 0.25) };
      const quiet = start + 1 + Math.floor(r() * 12) * 0.25;
      quietHours = r() < 0.6 ? { start: quiet, end: quiet + 0.5 + Math.floor(r() * 6) * 0.25 } : undefined;
    }
    const prompts = Math.floor(r() * 4);
    audience.push({
      id: `m${i}`,
      timeZone,
      workingDays,
      allowedHours,
      ...(quietHours ? { quietHours } : {}),
      weeklyPromptCap: 1 + Math.floor(r() * 3),
      promptedAt: Array.from({ length: prompts }, () => new Date(Date.parse(window.start) - 5 * 86_400_000 + r() * 14 * 86_400_000).toISOString()),
      paused: r() < 0.01,
    });
  }
  return { audience, window, slotMinutes, bestTimeHours: { linkedin: [8, 9, 10, 12, 17] }, network: 'linkedin', seed: 42 };
}
