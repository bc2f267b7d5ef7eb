import { describe, expect, it } from 'vitest';
import { classifySendFailure, countDeliveries, countEngagement, retryDelayMs, selectAudience, type CampaignAudience } from '../../../src/shared/domain/campaigns.js';
import { createBucketState, tryTake, TEAMS_CONVERSATION_LIMITS } from '../../../src/shared/domain/token-buckets.js';
import { makeEmployee } from '../../support/fixtures.js';

const none: CampaignAudience = { personas: [], teams: [], topicIds: [], languages: [], employeeIds: [] };
const roster = [
  makeEmployee({ id: 'a', persona: 'sharer', team: 'sales', language: 'en', topics: [{ topicId: 'ai', role: 'social-mind' }], promptsPaused: false, weeklyPromptCap: 3 }),
  makeEmployee({ id: 'b', persona: 'observer', team: 'sales', language: 'ja', topics: [], promptsPaused: true, weeklyPromptCap: 3 }),
  makeEmployee({ id: 'c', persona: 'sharer', team: 'ops', language: 'it', topics: [], promptsPaused: false, weeklyPromptCap: 0 }),
  makeEmployee({ id: 'd', persona: 'networker', team: 'ops', language: 'en', topics: [{ topicId: 'cloud', role: 'spokesperson' }], promptsPaused: false, weeklyPromptCap: 2 }),
];
const ids = (list: { id: string }[]) => list.map((e) => e.id);

describe('selectAudience', () => {
  it.each([
    [{}, ['a', 'd'], [['b', 'paused'], ['c', 'opted-out']]],
    [{ personas: ['sharer'] }, ['a'], [['c', 'opted-out']]],
    [{ teams: ['ops'] }, ['d'], [['c', 'opted-out']]],
    [{ topicIds: ['cloud'] }, ['d'], []],
    [{ languages: ['ja'] }, [], [['b', 'paused']]],
    [{ personas: ['networker'], employeeIds: ['a', 'zz'] }, ['a', 'd'], [['zz', 'unknown-person']]],
    [{ employeeIds: ['d'] }, ['d'], []],
  ] as const)('%j', (filters, included, excluded) => {
    const selection = selectAudience(roster, { ...none, ...filters } as CampaignAudience, new Set());
    expect(ids(selection.included)).toEqual(included);
    expect(selection.excluded.map((e) => [e.employeeId, e.reason])).toEqual(excluded);
  });

  it('treats an explicit opt-out list like a zero cap', () => {
    expect(selectAudience(roster, none, new Set(['a'])).excluded[0]).toEqual({ employeeId: 'a', reason: 'opted-out' });
  });
});

describe('delivery rules', () => {
  it('counts every status', () => {
    expect(countDeliveries([{ status: 'sent' }, { status: 'sent' }, { status: 'unknown' }])).toEqual({ planned: 0, sending: 0, sent: 2, unreachable: 0, failed: 0, unknown: 1, cancelled: 0 });
  });

  it.each([[403, 'unreachable'], [404, 'unreachable'], [429, 'retry'], [412, 'retry'], [502, 'retry'], [504, 'retry'], [0, 'retry'], [400, 'fail'], [413, 'fail']] as const)('HTTP %i -> %s', (status, kind) => {
    expect(classifySendFailure(status)).toBe(kind);
  });

  it('honours Retry-After, else backs off exponentially with jitter up to a cap', () => {
    expect(retryDelayMs(3, 2_000, 0.9)).toBe(2_000);
    expect(retryDelayMs(1, undefined, 0)).toBe(250);
    expect(retryDelayMs(1, undefined, 0.999)).toBe(499);
    expect(retryDelayMs(3, undefined, 0)).toBe(1_000);
    expect(retryDelayMs(20, undefined, 0.5)).toBe(22_500);
  });
});

describe('token buckets (Teams per-conversation limits)', () => {
  it('allows 7 at once, then waits; after a second the 8-per-2-s bucket is the limit', () => {
    const state = createBucketState(TEAMS_CONVERSATION_LIMITS, 0);
    for (let i = 0; i < 7; i += 1) expect(tryTake(state, TEAMS_CONVERSATION_LIMITS, 0)).toBe(0);
    expect(tryTake(state, TEAMS_CONVERSATION_LIMITS, 0)).toBeGreaterThan(0);
    // A second later the 7-per-second bucket is full again, but 8 per 2 s leaves only 1 + 4 = 5.
    for (let i = 0; i < 5; i += 1) expect(tryTake(state, TEAMS_CONVERSATION_LIMITS, 1_000)).toBe(0);
    const wait = tryTake(state, TEAMS_CONVERSATION_LIMITS, 1_000);
    expect(wait).toBeGreaterThan(0);
    expect(tryTake(state, TEAMS_CONVERSATION_LIMITS, 1_000 + wait)).toBe(0);
  });
});

describe('countEngagement', () => {
  it('counts people of the campaign: shared, clicked (by link code), not for me (a later share wins)', () => {
    const recipients = [{ employeeId: 'a' }, { employeeId: 'b' }, { employeeId: 'c' }];
    const shares = [
      { employeeId: 'a', campaignId: 'c1', linkCode: 'L1' },
      { employeeId: 'a', campaignId: 'c1', linkCode: 'L2' },
      { employeeId: 'b', campaignId: 'c1', linkCode: 'L3' },
      { employeeId: 'c', campaignId: 'other', linkCode: 'L4' },
      { employeeId: 'z', campaignId: 'c1', linkCode: 'L5' },
    ];
    const responses = [
      { employeeId: 'c', kind: 'skipped' as const },
      { employeeId: 'b', kind: 'skipped' as const },
      { employeeId: 'z', kind: 'skipped' as const },
    ];
    expect(countEngagement('c1', recipients, shares, responses, { L1: 0, L2: 3, L3: 0, L4: 9, L5: 9 })).toEqual({ shared: 2, clicked: 1, notForMe: 1, clicks: 3 });
  });
});
