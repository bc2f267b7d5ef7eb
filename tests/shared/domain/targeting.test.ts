import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_TARGETING_OPTIONS,
  isHiddenByResponses,
  isLive,
  matchesAudience,
  scoreOffer,
  selectOffers,
} from '../../../src/shared/domain/targeting.js';
import type { TargetingPerson } from '../../../src/shared/domain/targeting.js';
import { CONTENT_CATEGORIES, CONTENT_STATUSES, PERSONAS } from '../../../src/shared/domain/types.js';
import type { ContentItem, ContentResponse } from '../../../src/shared/domain/types.js';
import { makeContentItem } from '../../support/fixtures.js';

const NOW = '2026-11-24T12:00:00.000Z';
const daysAgo = (d: number) => new Date(Date.parse(NOW) - d * 86_400_000).toISOString();

/** Published a day before NOW, so freshness is the same for every item unless a case changes it. */
const item = (id: string, over: Partial<ContentItem> = {}): ContentItem =>
  makeContentItem(id, { publishAt: daysAgo(1), createdAt: daysAgo(2), ...over });

const ana: TargetingPerson = {
  id: 'ana',
  team: 'sales',
  language: 'it',
  persona: 'sharer',
  topics: [{ topicId: 'cx', role: 'social-mind' }],
};

const response = (contentId: string, kind: ContentResponse['kind'], over: Partial<ContentResponse> = {}): ContentResponse => ({
  contentId,
  employeeId: 'ana',
  kind,
  at: daysAgo(0.5),
  ...over,
});

describe('isLive', () => {
  it.each([
    ['published, no dates', {}, true],
    ['draft', { status: 'draft' as const }, false],
    ['approved but not published', { status: 'approved' as const }, false],
    ['expired status', { status: 'expired' as const }, false],
    ['publishAt in the future', { publishAt: '2026-11-24T12:00:00.001Z' }, false],
    ['publishAt exactly now', { publishAt: NOW }, true],
    ['expiresAt exactly now (exclusive)', { expiresAt: NOW }, false],
    ['expiresAt later', { expiresAt: '2026-11-25T00:00:00.000Z' }, true],
  ])('%s -> %s', (_label, over, expected) => {
    expect(isLive(item('a', { publishAt: undefined, ...over }), NOW)).toBe(expected);
  });
});

describe('isHiddenByResponses', () => {
  it.each([
    ['shared', [response('a', 'shared')], true],
    ['skipped ("not for me") long ago', [response('a', 'skipped', { at: daysAgo(400) })], true],
    ['snoozed until later', [response('a', 'snoozed', { until: '2026-11-24T12:00:00.001Z' })], true],
    ['snoozed until now (over)', [response('a', 'snoozed', { until: NOW })], false],
    ['snoozed without until, 2h ago (default 24h)', [response('a', 'snoozed', { at: daysAgo(2 / 24) })], true],
    ['snoozed without until, 25h ago', [response('a', 'snoozed', { at: daysAgo(25 / 24) })], false],
    ['skipped by someone else', [response('a', 'skipped', { employeeId: 'bob' })], false],
    ['skipped another item', [response('b', 'skipped')], false],
  ])('%s -> %s', (_label, responses, expected) => {
    expect(isHiddenByResponses('ana', 'a', responses, NOW)).toBe(expected);
  });
});

describe('matchesAudience', () => {
  it.each([
    ['unrestricted', {}, true],
    ['own team', { targetTeams: ['sales', 'hr'] }, true],
    ['other team', { targetTeams: ['engineering'] }, false],
    ['own persona', { targetPersonas: ['sharer' as const] }, true],
    ['other persona', { targetPersonas: ['influencer' as const] }, false],
    ['own language', { targetLanguages: ['it' as const] }, true],
    ['other language', { targetLanguages: ['ja' as const] }, false],
    ['topics never filter', { topics: ['labour'] }, true],
  ])('%s -> %s', (_label, over, expected) => {
    expect(matchesAudience(item('a', over), ana)).toBe(expected);
  });
});

describe('scoreOffer', () => {
  it('explains the score with one reason per signal', () => {
    const offer = scoreOffer(
      item('a', {
        topics: ['cx', 'ai'],
        targetTeams: ['sales'],
        targetPersonas: ['sharer'],
        language: 'it',
        category: 'personal-interest',
        publishAt: daysAgo(7),
      }),
      ana,
      NOW,
      { ...DEFAULT_TARGETING_OPTIONS, engagement: { a: 0.5 } },
    );
    expect(offer.reasons).toEqual([
      { code: 'topic-match', points: 1.5 },
      { code: 'team-match', points: 2 },
      { code: 'language-match', points: 1 },
      { code: 'persona-match', points: 1 },
      { code: 'fresh', points: 1 },
      { code: 'category', points: 1.25 },
      { code: 'engagement', points: 0.5 },
    ]);
    expect(offer.score).toBe(8.25);
  });

  it('counts suggested text in the person language as a language match', () => {
    const offer = scoreOffer(item('a', { suggestedTexts: [{ network: 'linkedin', language: 'it', variants: ['Ciao'] }] }), ana, NOW);
    expect(offer.reasons.map((r) => r.code)).toContain('language-match');
  });

  it('decays freshness by half-life and does not reward future dates', () => {
    const fresh = (publishAt: string) =>
      scoreOffer(item('a', { publishAt }), ana, NOW).reasons.find((r) => r.code === 'fresh')?.points;
    expect(fresh(NOW)).toBe(2);
    expect(fresh(daysAgo(14))).toBe(0.5);
    expect(fresh('2026-12-01T00:00:00.000Z')).toBe(2);
    const noHalfLife = scoreOffer(item('a', { publishAt: daysAgo(1) }), ana, NOW, { ...DEFAULT_TARGETING_OPTIONS, freshnessHalfLifeDays: 0 });
    expect(noHalfLife.reasons.find((r) => r.code === 'fresh')?.points).toBe(1);
  });
});

describe('selectOffers', () => {
  const board = [
    item('team-topic', { targetTeams: ['sales'], topics: ['cx'] }),
    item('generic-old', { publishAt: daysAgo(30) }),
    item('generic-new', { publishAt: daysAgo(0.1) }),
    item('skipped'),
    item('shared'),
    item('snoozed'),
    item('draft', { status: 'draft' }),
    item('other-team', { targetTeams: ['engineering'] }),
    item('industry', { category: 'industry' }),
    item('future', { publishAt: '2026-12-01T00:00:00.000Z' }),
  ];
  const responses = [
    response('skipped', 'skipped'),
    response('shared', 'shared'),
    response('snoozed', 'snoozed', { until: '2026-11-25T00:00:00.000Z' }),
  ];

  it('offers relevant live items first, hides answered ones, and caps the list', () => {
    const result = selectOffers(ana, board, responses, NOW, { limit: 3 });
    expect(result.boardSize).toBe(8);
    expect(result.eligibleCount).toBe(4);
    expect(result.cap).toBe(3);
    expect(result.offers.map((o) => o.item.id)).toEqual(['team-topic', 'generic-new', 'industry']);
  });

  it('never offers more than a fraction of the live board', () => {
    const result = selectOffers(ana, board, [], NOW, { limit: 10, maxBoardFraction: 0.25 });
    expect(result.cap).toBe(2);
    expect(result.offers).toHaveLength(2);
  });

  it('filters by the chosen categories', () => {
    const result = selectOffers(ana, board, responses, NOW, { categories: ['industry'] });
    expect(result.offers.map((o) => o.item.id)).toEqual(['industry']);
  });

  it('breaks score ties by newest first, then by id', () => {
    const same = daysAgo(1);
    const result = selectOffers(ana, [item('b', { publishAt: same }), item('a', { publishAt: same }), item('c', { publishAt: same })], [], NOW, {
      maxBoardFraction: 1,
    });
    expect(result.offers.map((o) => o.item.id)).toEqual(['a', 'b', 'c']);
  });

  it('offers nothing from an empty board', () => {
    expect(selectOffers(ana, [], [], NOW)).toEqual({ offers: [], cap: 0, boardSize: 0, eligibleCount: 0 });
  });

  const arbItem = fc.record({
    status: fc.constantFrom(...CONTENT_STATUSES),
    category: fc.constantFrom(...CONTENT_CATEGORIES),
    publishOffsetDays: fc.option(fc.integer({ min: -10, max: 30 }), { nil: undefined }),
    expiresOffsetDays: fc.option(fc.integer({ min: -10, max: 30 }), { nil: undefined }),
    personas: fc.subarray([...PERSONAS]),
    teams: fc.subarray(['sales', 'hr', 'engineering']),
  });
  const arbBoard = fc.array(arbItem, { maxLength: 25 }).map((rows) =>
    rows.map((r, i) =>
      item(`i${i}`, {
        status: r.status,
        category: r.category,
        publishAt: r.publishOffsetDays === undefined ? undefined : daysAgo(r.publishOffsetDays),
        expiresAt: r.expiresOffsetDays === undefined ? undefined : daysAgo(-r.expiresOffsetDays),
        targetPersonas: r.personas,
        targetTeams: r.teams,
      }),
    ),
  );
  const arbResponses = fc.array(
    fc.record({
      index: fc.nat(30),
      kind: fc.constantFrom<ContentResponse['kind']>('shared', 'skipped', 'snoozed'),
      untilOffsetHours: fc.integer({ min: -48, max: 48 }),
      employeeId: fc.constantFrom('ana', 'bob'),
    }),
    { maxLength: 20 },
  );

  it('never offers a skipped, shared, unpublished or expired item, nor more than the cap (property)', () => {
    fc.assert(
      fc.property(arbBoard, arbResponses, fc.integer({ min: 0, max: 8 }), fc.double({ min: 0, max: 1, noNaN: true }), (items, raw, limit, fraction) => {
        const responses = raw.map((r) =>
          response(`i${r.index}`, r.kind, {
            employeeId: r.employeeId,
            until: new Date(Date.parse(NOW) + r.untilOffsetHours * 3_600_000).toISOString(),
          }),
        );
        const result = selectOffers(ana, items, responses, NOW, { limit, maxBoardFraction: fraction });
        expect(result.offers.length).toBeLessThanOrEqual(limit);
        expect(result.offers.length).toBeLessThanOrEqual(Math.ceil(fraction * result.boardSize));
        if (result.boardSize >= 2 && fraction <= 0.5) expect(result.offers.length).toBeLessThan(result.boardSize);
        const mine = responses.filter((r) => r.employeeId === 'ana');
        for (const { item: offered, score } of result.offers) {
          expect(offered.status).toBe('published');
          if (offered.publishAt !== undefined) expect(Date.parse(offered.publishAt)).toBeLessThanOrEqual(Date.parse(NOW));
          if (offered.expiresAt !== undefined) expect(Date.parse(offered.expiresAt)).toBeGreaterThan(Date.parse(NOW));
          const answered = mine.filter((r) => r.contentId === offered.id);
          expect(answered.some((r) => r.kind === 'skipped' || r.kind === 'shared')).toBe(false);
          expect(answered.some((r) => r.kind === 'snoozed' && Date.parse(r.until ?? NOW) > Date.parse(NOW))).toBe(false);
          expect(matchesAudience(offered, ana)).toBe(true);
          expect(Number.isFinite(score)).toBe(true);
        }
        for (let i = 1; i < result.offers.length; i++) {
          expect(result.offers[i - 1]?.score ?? 0).toBeGreaterThanOrEqual(result.offers[i]?.score ?? 0);
        }
      }),
    );
  });
});
