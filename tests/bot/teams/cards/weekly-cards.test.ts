/**
 * The weekly contest update and the pilot digest cards, rendered from fixtures in every language:
 * parse with `adaptivecards` without errors, no `${` left, under Teams' 28 KB; and in en, ja and
 * th they say what they must (top ten in order, climbers, days left, prizes, the win; the digest's
 * own and cohort figures, readiness, decision); days left and people ranked take the right plural.
 */
import { describe, expect, it } from 'vitest';
import { renderPilotDigestCard, type PilotDigestCardData } from '../../../../src/bot/teams/cards/pilot-digest/pilot-digest.card.js';
import { renderWeeklyUpdateCard, type WeeklyUpdateCardData } from '../../../../src/bot/teams/cards/weekly-update/weekly-update.card.js';
import { SUPPORTED_LANGUAGES } from '../../../../src/shared/domain/types.js';
import { cardTexts, checkAdaptiveCard, TEAMS_CARD_SIZE_LIMIT } from '../../../support/cards.js';

const names = ['Aiko Tanaka', 'Somchai Jaidee', 'Marco Rossi', 'Olga Ivanova', 'Li Wei', 'Ana Costa', 'Ben Cohen', 'Chloé Martin', 'Dev Patel', 'Emma Berg', 'Fred Eleventh'];
const update: WeeklyUpdateCardData = {
  contest: { name: 'Autumn sharing contest', endsAt: '2026-12-20T23:59:59.000Z' },
  asOf: '2026-12-07T06:00:00.000Z',
  daysLeft: 14,
  rankedCount: 11,
  top: names.map((displayName, i) => ({ rank: i + 1, displayName, points: 1200 - i * 100 })),
  movers: [{ displayName: 'Marco Rossi', placesGained: 4, to: 3 }],
  prizes: [{ rank: 2, label: 'Conference ticket' }, { rank: 1, label: 'Noise-cancelling headphones' }],
  win: { displayName: 'Li Wei', kind: 'clicks-100' },
};
const digest: PilotDigestCardData = {
  pilotName: 'Leadership pilot Q4',
  phase: 'maintenance',
  week: { from: '2026-11-30T00:00:00.000Z', to: '2026-12-07T00:00:00.000Z' },
  me: { persona: 'sharer', shares: 3, clicks: 41, reach: 5200 },
  cohort: { size: 8, shares: 17, clicks: 230, activeLeaders: 6 },
  readinessPercent: 64,
  unmetItems: ['cohort-clicks', 'board-industry'],
  decision: { decision: 'no-go', at: '2026-12-04T10:00:00.000Z', decidedByName: 'Programme Owner' },
};

describe.each(SUPPORTED_LANGUAGES)('weekly cards in %s', (language) => {
  it.each([
    ['weekly update', () => renderWeeklyUpdateCard(update, language)],
    ['weekly update with the leaderboard button', () => renderWeeklyUpdateCard(update, language, 'https://teams.microsoft.com/l/entity/app-id/leaderboard')],
    ['weekly update (first week, nobody ranked, no prizes or win)', () => renderWeeklyUpdateCard({ ...update, top: [], rankedCount: 0, movers: [], prizes: [], win: undefined }, language)],
    ['pilot digest', () => renderPilotDigestCard(digest, language)],
    ['pilot digest (all met, no decision)', () => renderPilotDigestCard({ ...digest, unmetItems: [], decision: undefined }, language)],
  ])('%s is a valid card', (_name, render) => {
    const check = checkAdaptiveCard(render());
    expect(check.errors).toEqual([]);
    expect(check.unexpanded).toBe(false);
    expect(check.bytes).toBeLessThan(TEAMS_CARD_SIZE_LIMIT);
  });
});

describe('what the weekly cards say', () => {
  it.each([
    ['en', ['Weekly contest update', 'Autumn sharing contest: 14 days left', 'Top ten', 'Marco Rossi: up 4 to #3', '#1: Noise-cancelling headphones', "Li Wei's shares brought 100 clicks!"]],
    ['ja', ['今週のコンテスト速報', '残り 14 日', 'トップ 10', 'Marco Rossi：4 位アップで 3 位', '1 位：Noise-cancelling headphones', 'Li Wei さんのシェアが 100 クリック']],
    ['th', ['อัปเดตการแข่งขันประจำสัปดาห์', 'เหลืออีก 14 วัน', 'สิบอันดับแรก', 'Marco Rossi: ขึ้น 4 อันดับ เป็นอันดับ 3', 'อันดับ 1: Noise-cancelling headphones', 'การแชร์ของ Li Wei ได้ 100 คลิก']],
  ] as const)('weekly update in %s: top ten in order (not the eleventh), climbers, days left, prizes by rank, the win', (language, expected) => {
    const texts = cardTexts(renderWeeklyUpdateCard(update, language));
    const all = texts.join('\n');
    for (const text of expected) expect(all).toContain(text);
    expect(all).toContain('Somchai Jaidee');
    expect(all).not.toContain('Fred Eleventh');
    expect(texts.indexOf('Aiko Tanaka')).toBeLessThan(texts.indexOf('Emma Berg'));
    expect(all.indexOf(expected[4])).toBeLessThan(all.indexOf('Conference ticket'));
  });

  it.each([
    ['en', 1, 1, 'Autumn sharing contest: 1 day left', '1 person ranked.'],
    ['en', 14, 0, 'Autumn sharing contest: 14 days left', 'Standings as of Dec 7, 2026.'],
    ['ru', 2, 5, 'осталось 2 дня', 'в рейтинге 5 участников.'],
    ['it', 1, 1, 'manca 1 giorno', '1 persona in classifica.'],
  ] as const)('weekly update in %s with %i day(s) left and %i ranked: the right plural, no "0 people ranked"', (language, daysLeft, rankedCount, days, ranked) => {
    const all = cardTexts(renderWeeklyUpdateCard({ ...update, daysLeft, rankedCount, ...(rankedCount === 0 ? { top: [] } : {}) }, language)).join('\n');
    expect(all).toContain(days);
    expect(all).toContain(ranked);
    expect(all).not.toMatch(/\b0 people/);
  });

  it.each([
    ['en', ['Leadership pilot: your weekly digest', 'Phase: Maintenance', 'Rollout readiness: 64%', 'Items still open on the checklist: 2.', 'Decision: not yet, by Programme Owner', '6 of 8', '5,200']],
    ['ja', ['週間ダイジェスト', 'フェーズ：定着', '展開の準備度：64%', '未達項目：2 件', '決定：まだ展開しない（Programme Owner', '8 人中 6 人', '5,200']],
    ['th', ['สรุปประจำสัปดาห์ของคุณ', 'ระยะ: รักษาความต่อเนื่อง', 'ความพร้อมในการขยายผล: 64%', 'ยังไม่ผ่าน: 2 รายการ', 'ยังไม่ขยายผล โดย Programme Owner', '6 จาก 8', '5,200']],
  ] as const)('pilot digest in %s: own and cohort figures, readiness, decision', (language, expected) => {
    const card = renderPilotDigestCard(digest, language);
    const facts = JSON.stringify(card).match(/"value":"[^"]*"/g) ?? [];
    const all = [...cardTexts(card), ...facts].join('\n');
    for (const text of expected) expect(all).toContain(text);
  });
});

describe('the weekly update\'s button', () => {
  it('opens the Leaderboard tab when a link is given, titled in the language; no button without one', async () => {
    const { ja } = await import('../../../../src/shared/i18n/catalogs/campaigns/ja.js');
    const url = 'https://teams.microsoft.com/l/entity/app-id/leaderboard';
    expect(renderWeeklyUpdateCard(update, 'ja', url).actions).toEqual([{ type: 'Action.OpenUrl', title: ja.weeklyUpdate.openLeaderboard, url }]);
    expect(renderWeeklyUpdateCard(update, 'ja').actions ?? []).toEqual([]);
  });
});
