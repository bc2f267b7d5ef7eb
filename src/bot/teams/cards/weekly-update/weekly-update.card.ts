/**
 * "weekly-update": the weekly contest update posted to the programme's Teams channel: the top
 * ten, the week's climbers, days left, prizes and one win to celebrate. Data from
 * `weeklyUpdate.weeklyContestUpdate`; strings in the `campaigns` namespace.
 */
import type { Language, Persona } from '../../../../shared/domain/types.js';
import { PERSONAS } from '../../../../shared/domain/types.js';
import type { WinKind } from '../../../../shared/domain/wins.js';
import { translator } from '../../../../shared/i18n/index.js';
import { expandCard, type AdaptiveCardJson } from '../expand.js';
import template from './weekly-update.card.json' with { type: 'json' };

/** What the card shows (the fields of `WeeklyContestUpdate` it reads). */
export interface WeeklyUpdateCardData {
  contest: { name: string; endsAt: string };
  asOf: string;
  daysLeft: number;
  rankedCount: number;
  top: ReadonlyArray<{ rank: number; displayName: string; points: number }>;
  movers: ReadonlyArray<{ displayName: string; placesGained: number; to: number }>;
  prizes: ReadonlyArray<{ rank: number; label: string }>;
  win?: { displayName: string; kind: WinKind; detail?: string };
}

/** Render the weekly contest update in `language`; with `leaderboardUrl`, a button opens the Leaderboard tab. */
export function renderWeeklyUpdateCard(data: WeeklyUpdateCardData, language: Language, leaderboardUrl?: string): AdaptiveCardJson {
  const t = translator(language, 'campaigns');
  const common = translator(language, 'common');
  const number = new Intl.NumberFormat(language);
  const date = (iso: string) => new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(iso));
  const detail = (win: NonNullable<WeeklyUpdateCardData['win']>) =>
    win.kind === 'persona-level-up' && (PERSONAS as readonly string[]).includes(win.detail ?? '') ? common(`persona.${win.detail as Persona}`) : (win.detail ?? '');
  const rows = data.top.slice(0, 10);
  return expandCard(template, {
    title: t('weeklyUpdate.title'),
    // `count` picks the plural form ("1 day left", Russian's three forms); the figures shown are formatted.
    contest: t('weeklyUpdate.contest', { name: data.contest.name, count: data.daysLeft, days: number.format(data.daysLeft), endsAt: date(data.contest.endsAt) }),
    asOf:
      data.rankedCount === 0
        ? t('weeklyUpdate.asOfNobody', { date: date(data.asOf) })
        : t('weeklyUpdate.asOf', { date: date(data.asOf), count: data.rankedCount, n: number.format(data.rankedCount) }),
    topTen: t('weeklyUpdate.topTen'),
    rankHeader: t('weeklyUpdate.rankHeader'),
    nameHeader: t('weeklyUpdate.nameHeader'),
    pointsHeader: t('weeklyUpdate.pointsHeader'),
    rows: rows.map((r) => ({ rank: number.format(r.rank), name: r.displayName, points: number.format(r.points) })),
    empty: rows.length === 0 ? t('weeklyUpdate.empty') : null,
    moversTitle: t('weeklyUpdate.movers'),
    movers: data.movers.map((m) => ({ text: `• ${t('weeklyUpdate.mover', { name: m.displayName, places: number.format(m.placesGained), rank: number.format(m.to) })}` })),
    noMovers: data.movers.length === 0 ? t('weeklyUpdate.noMovers') : null,
    prizesTitle: t('weeklyUpdate.prizes'),
    prizes: [...data.prizes].sort((a, b) => a.rank - b.rank).map((p) => ({ text: `• ${t('weeklyUpdate.prize', { rank: number.format(p.rank), label: p.label })}` })),
    winTitle: t('weeklyUpdate.win'),
    win: data.win ? t(`weeklyUpdate.wins.${data.win.kind}`, { name: data.win.displayName, detail: detail(data.win) }) : null,
    openLeaderboard: t('weeklyUpdate.openLeaderboard'),
    leaderboardUrl: leaderboardUrl ?? null,
  });
}
