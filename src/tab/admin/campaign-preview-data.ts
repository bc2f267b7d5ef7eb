/**
 * The stagger preview reshaped for the admin's eyes: the API counts prompts per UTC hour; the
 * chart and its table show them per day in the admin's time zone, split into four six-hour bands
 * of local time. Pure (no React), so the figures the chart draws are the ones tests check.
 */

/** Local hours where each band starts (bands: 00-06, 06-12, 12-18, 18-24). */
export const BAND_STARTS = [0, 6, 12, 18] as const;

export interface PreviewDay {
  /** Local calendar day `YYYY-MM-DD` in the admin's zone. */
  day: string;
  /** Prompts per band, in `BAND_STARTS` order. */
  bands: number[];
  total: number;
}

/** Local date (`YYYY-MM-DD`) and hour of an instant in `timeZone`. */
export function localParts(instant: Date, timeZone: string): { day: string; hour: number } {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' }).formatToParts(instant).map((p) => [p.type, p.value]));
  return { day: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) % 24 };
}

/** Days from `from` to `to` inclusive (`YYYY-MM-DD`, calendar arithmetic in UTC). */
function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`) && out.length < 800; t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/**
 * Prompts per local day and band for a preview's `perHour` (keys `YYYY-MM-DDTHH:00Z`), every day
 * of the window present (empty days too, so gaps show), days outside the window added if planned.
 */
export function previewDays(perHour: Readonly<Record<string, number>>, window: { start: string; end: string }, timeZone: string): PreviewDay[] {
  const byDay = new Map<string, number[]>();
  const first = localParts(new Date(window.start), timeZone).day;
  const last = localParts(new Date(Date.parse(window.end) - 1), timeZone).day;
  for (const day of daysBetween(first, last)) byDay.set(day, [0, 0, 0, 0]);
  for (const [hourKey, count] of Object.entries(perHour)) {
    const at = new Date(hourKey.endsWith('Z') && hourKey.length === 17 ? `${hourKey.slice(0, 16)}:00Z` : hourKey);
    if (Number.isNaN(at.getTime())) continue;
    const { day, hour } = localParts(at, timeZone);
    const bands = byDay.get(day) ?? [0, 0, 0, 0];
    bands[Math.min(3, Math.floor(hour / 6))]! += count;
    byDay.set(day, bands);
  }
  return [...byDay.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([day, bands]) => ({ day, bands, total: bands.reduce((a, b) => a + b, 0) }));
}

/** Time zones by prompts, most first (then by name). */
export function zonesByCount(perTimeZone: Readonly<Record<string, number>>): { zone: string; count: number }[] {
  return Object.entries(perTimeZone).map(([zone, count]) => ({ zone, count })).sort((a, b) => b.count - a.count || a.zone.localeCompare(b.zone));
}
