import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summarizeTopicHub, topicRoleOf } from '../../../src/shared/domain/topics.js';
import {
  decideProposal,
  influencerPermissions,
  isHttpsUrl,
  ownerIssues,
  proposalRefusal,
  withoutTopic,
  withTopicRole,
  type TopicProposal,
} from '../../../src/shared/domain/topics-membership.js';
import { TOPIC_ROLES, type TopicAssignment, type TopicRole } from '../../../src/shared/domain/types.js';

const on = (topicId: string, role: TopicRole): TopicAssignment => ({ topicId, role });
const AT = '2026-12-01T10:00:00.000Z';
const pending = (over: Partial<TopicProposal> = {}): TopicProposal => ({ id: 'p1', topicId: 'listening', employeeId: 'ann', role: 'thought-leader', status: 'pending', proposedAt: AT, ...over });

describe('withTopicRole / withoutTopic', () => {
  it('puts a person in a role, replacing any earlier role on that topic and keeping the others', () => {
    const before = [on('listening', 'social-mind'), on('selling', 'spokesperson'), on('listening', 'thought-leader')];
    const after = withTopicRole(before, 'listening', 'subject-matter-expert');
    expect(after).toEqual([on('selling', 'spokesperson'), on('listening', 'subject-matter-expert')]);
    expect(topicRoleOf({ topics: after }, 'listening')).toBe('subject-matter-expert');
    expect(before).toHaveLength(3); // not mutated
  });

  it('takes a person out of one topic only', () => {
    expect(withoutTopic([on('listening', 'social-mind'), on('selling', 'spokesperson')], 'listening')).toEqual([on('selling', 'spokesperson')]);
    expect(withoutTopic([on('selling', 'spokesperson')], 'listening')).toEqual([on('selling', 'spokesperson')]);
  });

  it('after any assignment the person holds exactly that role there, and the hub counts them once (property)', () => {
    const role = fc.constantFrom(...TOPIC_ROLES);
    const topic = fc.constantFrom('a', 'b', 'c');
    fc.assert(
      fc.property(fc.array(fc.record({ topicId: topic, role }), { maxLength: 8 }), topic, role, (topics, topicId, r) => {
        const next = withTopicRole(topics, topicId, r);
        expect(topicRoleOf({ topics: next }, topicId)).toBe(r);
        expect(next.filter((t) => t.topicId === topicId)).toHaveLength(1);
        const hub = summarizeTopicHub(topicId, [{ id: 'x', topics: next }]);
        expect(hub.memberCount).toBe(1);
        expect(hub.unfilledRoles).toHaveLength(3);
        expect(topicRoleOf({ topics: withoutTopic(next, topicId) }, topicId)).toBeUndefined();
      }),
    );
  });
});

describe('proposalRefusal', () => {
  const ann = (topics: TopicAssignment[]) => ({ id: 'ann', topics });

  it('welcomes a first proposal and a step up, refuses a role already held or below it', () => {
    expect(proposalRefusal(ann([]), 'listening', 'social-mind', [])).toBeUndefined();
    expect(proposalRefusal(ann([on('listening', 'social-mind')]), 'listening', 'thought-leader', [])).toBeUndefined();
    expect(proposalRefusal(ann([on('listening', 'thought-leader')]), 'listening', 'thought-leader', [])).toBe('already-holds');
    expect(proposalRefusal(ann([on('listening', 'spokesperson')]), 'listening', 'social-mind', [])).toBe('already-holds');
    // A role on another topic does not count.
    expect(proposalRefusal(ann([on('selling', 'spokesperson')]), 'listening', 'social-mind', [])).toBeUndefined();
  });

  it('allows one pending proposal per person and topic; decided ones and other people do not block', () => {
    expect(proposalRefusal(ann([]), 'listening', 'spokesperson', [pending()])).toBe('pending-exists');
    expect(proposalRefusal(ann([]), 'listening', 'spokesperson', [pending({ status: 'declined' })])).toBeUndefined();
    expect(proposalRefusal(ann([]), 'listening', 'spokesperson', [pending({ employeeId: 'bob' })])).toBeUndefined();
    expect(proposalRefusal(ann([]), 'listening', 'spokesperson', [pending({ topicId: 'selling' })])).toBeUndefined();
  });
});

describe('decideProposal', () => {
  it('accepts a pending proposal with who and when, without a reason', () => {
    const result = decideProposal(pending({ reason: 'stale' }), { accept: true }, 'robin', AT);
    expect(result).toEqual({ ok: true, proposal: { ...pending({ reason: 'stale' }), status: 'accepted', decidedAt: AT, decidedBy: 'robin' } });
  });

  it('declines with the trimmed reason the person reads; a blank reason is refused', () => {
    const result = decideProposal(pending(), { accept: false, reason: '  Not this quarter.  ' }, 'robin', AT);
    expect(result.ok && result.proposal).toMatchObject({ status: 'declined', reason: 'Not this quarter.', decidedBy: 'robin' });
    expect(decideProposal(pending(), { accept: false, reason: '   ' }, 'robin', AT)).toEqual({ ok: false, refusal: 'reason-required' });
  });

  it('never decides twice', () => {
    for (const status of ['accepted', 'declined'] as const) {
      expect(decideProposal(pending({ status }), { accept: true }, 'robin', AT)).toEqual({ ok: false, refusal: 'not-pending' });
    }
  });
});

describe('influencerPermissions (the map belongs to employees)', () => {
  const entry = { ownerIds: ['ann', 'bob'] };

  it('owners edit and remove; staff remove and reassign but never edit what they do not own', () => {
    expect(influencerPermissions({ id: 'ann', roles: ['employee'] }, entry)).toEqual({ edit: true, remove: true, reassign: false });
    expect(influencerPermissions({ id: 'cat', roles: ['employee', 'trainer', 'executive'] }, entry)).toEqual({ edit: false, remove: false, reassign: false });
    expect(influencerPermissions({ id: 'robin', roles: ['admin'] }, entry)).toEqual({ edit: false, remove: true, reassign: true });
    expect(influencerPermissions({ id: 'cora', roles: ['coordinator'] }, entry)).toEqual({ edit: false, remove: true, reassign: true });
    expect(influencerPermissions({ id: 'bob', roles: ['admin', 'employee'] }, entry)).toEqual({ edit: true, remove: true, reassign: true });
  });
});

describe('ownerIssues', () => {
  const people = [
    { id: 'ann', topics: [on('listening', 'social-mind')] },
    { id: 'mkt', topics: [on('selling', 'spokesperson')] },
  ];
  const entry = (ownerIds: string[]) => ({ id: 'e1', topicId: 'listening', ownerIds });

  it('is empty for employees on the topic', () => {
    expect(ownerIssues(entry(['ann']), people)).toEqual([]);
  });

  it('flags no owner, an unknown owner, an owner off the topic (marketing owning the network) and duplicates', () => {
    expect(ownerIssues(entry([]), people)).toEqual(['no-owner']);
    expect(ownerIssues(entry(['ann', 'ghost']), people)).toEqual(['unknown-owner']);
    expect(ownerIssues(entry(['mkt']), people)).toEqual(['owner-not-on-topic']);
    expect(ownerIssues(entry(['ann', 'ann']), people)).toEqual(['duplicate-owner']);
  });
});

describe('isHttpsUrl', () => {
  it.each([
    ['https://maralistens.example/blog', true],
    ['https://www.linkedin.com/in/someone', true],
    ['http://maralistens.example', false],
    ['javascript:alert(1)', false],
    ['//maralistens.example', false],
    ['https://user:pass@maralistens.example', false],
    ['maralistens.example', false],
    ['', false],
  ])('%s -> %s', (value, expected) => {
    expect(isHttpsUrl(value)).toBe(expected);
  });
});
