import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  acknowledgePolicy,
  currentPolicyVersion,
  maySharePolicyCheck,
  validatePolicyVersions,
} from '../../../src/shared/domain/policy.js';
import type { PolicyVersion } from '../../../src/shared/domain/policy.js';

const NOW = '2026-11-24T12:00:00.000Z';
const policies: PolicyVersion[] = [
  { version: 1, publishedAt: '2026-01-01T00:00:00.000Z', body: '# Policy v1' },
  { version: 2, publishedAt: '2026-06-01T00:00:00.000Z', body: '# Policy v2' },
  { version: 3, publishedAt: '2027-01-01T00:00:00.000Z', body: '# Policy v3 (scheduled)' },
  { version: 4, body: '# Draft' },
];

describe('currentPolicyVersion', () => {
  it.each([
    ['before anything is published', '2025-12-31T23:59:59.999Z', undefined],
    ['on the publication instant', '2026-01-01T00:00:00.000Z', 1],
    ['between versions', NOW, 2],
    ['once the scheduled one is due', '2027-01-01T00:00:00.000Z', 3],
  ])('%s -> %s', (_label, now, expected) => {
    expect(currentPolicyVersion(policies, now)?.version).toBe(expected);
  });

  it('ignores drafts and array order', () => {
    expect(currentPolicyVersion([...policies].reverse(), NOW)?.body).toBe('# Policy v2');
    expect(currentPolicyVersion([{ version: 9, body: 'draft' }], NOW)).toBeUndefined();
  });
});

describe('maySharePolicyCheck', () => {
  it.each([
    ['no acknowledgement', undefined, { allowed: false, reason: 'not-acknowledged', currentVersion: 2 }],
    ['an old version', 1, { allowed: false, reason: 'outdated-acknowledgement', currentVersion: 2, acknowledgedVersion: 1 }],
    ['the current version', 2, { allowed: true, reason: 'acknowledged', currentVersion: 2 }],
    ['a later (scheduled) version', 3, { allowed: true, reason: 'acknowledged', currentVersion: 2 }],
  ])('with %s', (_label, acknowledged, expected) => {
    expect(maySharePolicyCheck({ policyVersionAcknowledged: acknowledged }, policies, NOW)).toEqual(expected);
  });

  it('allows sharing when no policy is published yet', () => {
    expect(maySharePolicyCheck({}, [{ version: 1, body: 'draft' }], NOW)).toEqual({ allowed: true, reason: 'no-policy' });
  });

  it('requires re-acknowledgement as soon as a new version takes effect', () => {
    const employee = { policyVersionAcknowledged: 2 };
    expect(maySharePolicyCheck(employee, policies, '2026-12-31T23:59:59.999Z').allowed).toBe(true);
    expect(maySharePolicyCheck(employee, policies, '2027-01-01T00:00:00.000Z')).toMatchObject({
      allowed: false,
      reason: 'outdated-acknowledgement',
    });
  });

  it('allows exactly when the acknowledged version is at least the current one (property)', () => {
    fc.assert(
      fc.property(fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }), fc.integer({ min: 0, max: 3 }), (ack, months) => {
        const now = new Date(Date.UTC(2026, months * 4, 2)).toISOString();
        const current = currentPolicyVersion(policies, now);
        const check = maySharePolicyCheck({ policyVersionAcknowledged: ack }, policies, now);
        expect(check.allowed).toBe(current === undefined || (ack !== undefined && ack >= current.version));
      }),
    );
  });
});

describe('acknowledgePolicy', () => {
  it.each([
    [2, NOW, { ok: true, version: 2 }],
    [1, NOW, { ok: false, reason: 'not-current', currentVersion: 2 }],
    [3, NOW, { ok: false, reason: 'not-current', currentVersion: 2 }],
    [1, '2025-01-01T00:00:00.000Z', { ok: false, reason: 'no-policy' }],
  ])('version %i at %s', (version, now, expected) => {
    expect(acknowledgePolicy(version, policies, now)).toEqual(expected);
  });
});

describe('validatePolicyVersions', () => {
  it('accepts a consistent history', () => {
    expect(validatePolicyVersions(policies)).toEqual([]);
  });

  it('reports every problem', () => {
    expect(
      validatePolicyVersions([
        { version: 1, publishedAt: '2026-05-01T00:00:00.000Z', body: 'one' },
        { version: 2, publishedAt: '2026-04-01T00:00:00.000Z', body: ' ' },
        { version: 2, body: 'dup' },
        { version: 0.5, body: 'x' },
      ]),
    ).toEqual([
      { code: 'empty-body', version: 2 },
      { code: 'duplicate-version', version: 2 },
      { code: 'invalid-version', version: 0.5 },
      { code: 'published-before-earlier-version', version: 2 },
    ]);
  });
});
