import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  INFLUENCER_TIERS,
  highestTopicRole,
  roleIncludes,
  summarizeInfluencerMap,
  summarizeTopicHub,
  topicRoleOf,
  topicRoleRank,
  validateInfluencerMap,
} from '../../../src/shared/domain/topics.js';
import type { ExternalInfluencer } from '../../../src/shared/domain/topics.js';
import { TOPIC_ROLES } from '../../../src/shared/domain/types.js';
import type { TopicAssignment, TopicRole } from '../../../src/shared/domain/types.js';

const person = (id: string, ...topics: TopicAssignment[]) => ({ id, topics });
const on = (topicId: string, role: TopicRole): TopicAssignment => ({ topicId, role });

describe('roleIncludes (Lam pyramid)', () => {
  it.each<[TopicRole, TopicRole, boolean]>([
    ['spokesperson', 'social-mind', true],
    ['spokesperson', 'thought-leader', true],
    ['thought-leader', 'subject-matter-expert', true],
    ['subject-matter-expert', 'subject-matter-expert', true],
    ['social-mind', 'subject-matter-expert', false],
    ['thought-leader', 'spokesperson', false],
  ])('%s includes %s: %s', (held, required, expected) => {
    expect(roleIncludes(held, required)).toBe(expected);
  });

  it('is a total order consistent with the rank (property)', () => {
    const role = fc.constantFrom(...TOPIC_ROLES);
    fc.assert(
      fc.property(role, role, role, (a, b, c) => {
        expect(roleIncludes(a, b) || roleIncludes(b, a)).toBe(true);
        if (roleIncludes(a, b) && roleIncludes(b, c)) expect(roleIncludes(a, c)).toBe(true);
        expect(roleIncludes(a, b)).toBe(topicRoleRank(a) >= topicRoleRank(b));
      }),
    );
  });
});

describe('highestTopicRole / topicRoleOf', () => {
  it('picks the highest role and resolves duplicate assignments upward', () => {
    expect(highestTopicRole([])).toBeUndefined();
    expect(highestTopicRole(['thought-leader', 'social-mind', 'subject-matter-expert'])).toBe('thought-leader');
    const p = person('a', on('cx', 'social-mind'), on('cx', 'thought-leader'), on('ai', 'spokesperson'));
    expect(topicRoleOf(p, 'cx')).toBe('thought-leader');
    expect(topicRoleOf(p, 'labour')).toBeUndefined();
  });
});

describe('summarizeTopicHub', () => {
  const employees = [
    person('eve', on('cx', 'spokesperson')),
    person('bob', on('cx', 'social-mind'), on('ai', 'thought-leader')),
    person('amy', on('cx', 'social-mind')),
    person('dan', on('ai', 'social-mind')),
    person('bob', on('cx', 'spokesperson')), // duplicate id: first record wins
  ];

  it('lists exact holders once each, covered roles by inclusion, and unfilled roles', () => {
    const hub = summarizeTopicHub('cx', employees);
    expect(hub.holders).toEqual({
      'social-mind': ['amy', 'bob'],
      'subject-matter-expert': [],
      'thought-leader': [],
      spokesperson: ['eve'],
    });
    expect(hub.coveredRoles).toEqual({
      'social-mind': ['amy', 'bob', 'eve'],
      'subject-matter-expert': ['eve'],
      'thought-leader': ['eve'],
      spokesperson: ['eve'],
    });
    expect(hub.unfilledRoles).toEqual(['subject-matter-expert', 'thought-leader']);
    expect(hub.uncoveredRoles).toEqual([]);
    expect(hub.memberCount).toBe(3);
  });

  it('reports every role unfilled and uncovered for a topic nobody holds', () => {
    const hub = summarizeTopicHub('labour', employees);
    expect(hub.unfilledRoles).toEqual([...TOPIC_ROLES]);
    expect(hub.uncoveredRoles).toEqual([...TOPIC_ROLES]);
    expect(hub.memberCount).toBe(0);
  });

  it('keeps the pyramid invariants for any assignment (property)', () => {
    const arb = fc.array(
      fc.record({ id: fc.string({ minLength: 1, maxLength: 3 }), role: fc.constantFrom(...TOPIC_ROLES) }),
      { maxLength: 25 },
    );
    fc.assert(
      fc.property(arb, (rows) => {
        const hub = summarizeTopicHub('t', rows.map((r) => person(r.id, on('t', r.role))));
        const exact = TOPIC_ROLES.reduce((n, r) => n + hub.holders[r].length, 0);
        expect(exact).toBe(hub.memberCount);
        expect(hub.coveredRoles['social-mind']).toHaveLength(hub.memberCount);
        for (let i = 1; i < TOPIC_ROLES.length; i++) {
          const lower = hub.coveredRoles[TOPIC_ROLES[i - 1] as TopicRole].length;
          const upper = hub.coveredRoles[TOPIC_ROLES[i] as TopicRole].length;
          expect(lower).toBeGreaterThanOrEqual(upper);
        }
        for (const role of hub.uncoveredRoles) expect(hub.unfilledRoles).toContain(role);
      }),
    );
  });
});

describe('influencer map', () => {
  const employees = [person('eve', on('cx', 'spokesperson')), person('bob', on('cx', 'social-mind')), person('dan', on('ai', 'social-mind'))];
  const entry = (id: string, tier: ExternalInfluencer['tier'], ownerIds: string[], topicId = 'cx'): ExternalInfluencer => ({
    id,
    topicId,
    name: `Influencer ${id}`,
    tier,
    ownerIds,
  });

  it('accepts entries owned by employees connected to the topic', () => {
    const result = validateInfluencerMap('cx', [entry('i1', 'media', ['eve']), entry('i2', 'mass-maven', ['eve', 'bob'])], employees);
    expect(result).toEqual({ valid: true, issues: [] });
  });

  it.each([
    ['no owner', entry('i1', 'media', []), [{ influencerId: 'i1', code: 'no-owner' }]],
    ['unknown owner', entry('i1', 'media', ['ghost']), [{ influencerId: 'i1', code: 'unknown-owner', employeeId: 'ghost' }]],
    ['owner not on the topic', entry('i1', 'politics', ['dan']), [{ influencerId: 'i1', code: 'owner-not-on-topic', employeeId: 'dan' }]],
    ['owner listed twice', entry('i1', 'media', ['eve', 'eve']), [{ influencerId: 'i1', code: 'duplicate-owner', employeeId: 'eve' }]],
    ['entry of another topic', entry('i1', 'media', ['eve'], 'ai'), [{ influencerId: 'i1', code: 'wrong-topic' }]],
  ])('rejects %s', (_label, influencer, issues) => {
    expect(validateInfluencerMap('cx', [influencer], employees)).toEqual({ valid: false, issues });
  });

  it('rejects duplicate influencer ids', () => {
    const result = validateInfluencerMap('cx', [entry('i1', 'media', ['eve']), entry('i1', 'politics', ['bob'])], employees);
    expect(result.issues).toEqual([{ influencerId: 'i1', code: 'duplicate-id' }]);
  });

  it('summarises per tier and per owner, counting co-owned entries for each owner once', () => {
    const summary = summarizeInfluencerMap('cx', [
      entry('i1', 'media', ['eve']),
      entry('i2', 'media', ['eve', 'bob', 'bob']),
      entry('i3', 'mass-connector', ['bob']),
      entry('i4', 'politics', ['dan'], 'ai'),
    ]);
    expect(summary.total).toBe(3);
    expect(summary.byTier.media).toBe(2);
    expect(summary.byTier['mass-connector']).toBe(1);
    expect(summary.byTier.politics).toBe(0);
    expect(summary.byOwner.eve?.total).toBe(2);
    expect(summary.byOwner.bob).toMatchObject({ total: 2, byTier: { media: 1, 'mass-connector': 1 } });
    expect(summary.byOwner.dan).toBeUndefined();
    expect(summary.emptyTiers).toEqual(['social-broadcaster', 'mass-maven', 'potential-influencer', 'organisation', 'politics']);
  });

  it('tier counts always add up to the total (property)', () => {
    const arb = fc.array(
      fc.record({ tier: fc.constantFrom(...INFLUENCER_TIERS), owners: fc.array(fc.constantFrom('a', 'b', 'c'), { maxLength: 3 }) }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(arb, (rows) => {
        const summary = summarizeInfluencerMap('t', rows.map((r, i) => entry(`i${i}`, r.tier, r.owners, 't')));
        expect(Object.values(summary.byTier).reduce((a, b) => a + b, 0)).toBe(rows.length);
        for (const owner of Object.values(summary.byOwner)) {
          expect(Object.values(owner.byTier).reduce((a, b) => a + b, 0)).toBe(owner.total);
        }
      }),
    );
  });
});
