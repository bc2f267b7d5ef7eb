/** Onboarding (enrolment, audit, pause) and the policy service on Azurite. */
import { beforeAll, describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, ValidationError } from '../../../src/bot/services/errors.js';
import { applyAuditTopics, currentPersona, ENROLMENT_DEFAULTS } from '../../../src/bot/services/onboarding.service.js';
import { policyTabUrl } from '../../../src/bot/services/policy.service.js';
import type { TableRepositories } from '../../../src/bot/storage/index.js';
import { AuditAnswersSchema, type AuditAnswers } from '../../../src/shared/contracts/audit.js';
import { createTestRepositories } from '../../support/azurite.js';
import { createSharingFixture, publishPolicy } from './sharing-fixture.js';

let repos: TableRepositories;
beforeAll(async () => {
  repos = await createTestRepositories('onboard');
});

const NOW = new Date('2026-12-03T09:30:00.000Z');
const answers = (overrides: Partial<AuditAnswers> = {}): AuditAnswers => ({
  audience: { linkedin: 300 },
  postsPerMonth: 1,
  goals: ['build-skills'],
  learningStyle: 'video',
  topics: [],
  wantsToGrow: true,
  noPrompts: false,
  ...overrides,
});

describe('AuditAnswersSchema', () => {
  it('reads an Adaptive Card submit (strings, comma lists, toggles) and drops card plumbing', () => {
    const parsed = AuditAnswersSchema.parse({
      audience: { linkedin: '1200', x: '', facebook: 40 },
      postsPerMonth: '6',
      goals: 'visibility,stand-out,visibility',
      learningStyle: 'reading',
      topics: 'innovation,ai',
      wantsToGrow: 'true',
      noPrompts: 'false',
    });
    expect(parsed).toEqual({
      audience: { linkedin: 1200, facebook: 40 },
      postsPerMonth: 6,
      goals: ['visibility', 'stand-out'],
      learningStyle: 'reading',
      topics: ['innovation', 'ai'],
      wantsToGrow: true,
      noPrompts: false,
    });
  });

  it.each([
    ['negative audience', { audience: { linkedin: -1 } }],
    ['unknown network', { audience: { myspace: 10 } }],
    ['absurd posts', { postsPerMonth: 100_000 }],
    ['unknown goal', { goals: ['fame'] }],
    ['unknown learning style', { learningStyle: 'osmosis' }],
    ['a toggle that is not a boolean', { noPrompts: 'maybe' }],
  ])('refuses %s', (_label, patch) => {
    expect(AuditAnswersSchema.safeParse({ ...answers(), ...patch }).success).toBe(false);
  });
});

describe('onboarding', () => {
  it('enrols a chat user once with sensible defaults, idempotently, even concurrently', async () => {
    const f = await createSharingFixture(repos);
    const input = { tenantId: f.tenantId, employeeId: 'aad-1', displayName: 'Kenji', locale: 'ja-JP', timeZone: 'Asia/Tokyo', now: NOW };
    const results = await Promise.all([f.onboarding.ensureEnrolled(input), f.onboarding.ensureEnrolled(input), f.onboarding.ensureEnrolled(input)]);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const { employee } = results[0]!;
    expect(employee).toMatchObject({
      displayName: 'Kenji',
      language: 'ja',
      timeZone: 'Asia/Tokyo',
      workingDays: [1, 2, 3, 4, 5],
      workingHours: { start: 9, end: 17 },
      weeklyPromptCap: 3,
      roles: ['employee'],
      persona: 'observer',
      promptsPaused: false,
      joinedAt: NOW.toISOString(),
    });
    expect(employee.policyVersionAcknowledged).toBeUndefined();
    expect((await f.repos.employees.listByTenant(f.tenantId)).map((e) => e.id)).toEqual(['aad-1']);
  });

  it('uses UTC when the zone is unknown and updates the zone when Teams reports another one', async () => {
    const f = await createSharingFixture(repos);
    const first = await f.onboarding.ensureEnrolled({ tenantId: f.tenantId, employeeId: 'aad-2', timeZone: 'Not/AZone', now: NOW });
    expect(first.employee).toMatchObject({ timeZone: ENROLMENT_DEFAULTS.timeZone, language: 'en', displayName: 'aad-2' });
    const moved = await f.onboarding.ensureEnrolled({ tenantId: f.tenantId, employeeId: 'aad-2', timeZone: 'Europe/Rome', locale: 'it-IT', now: NOW });
    expect(moved).toMatchObject({ created: false, employee: { timeZone: 'Europe/Rome', language: 'en' } });
    expect((await f.repos.employees.get(f.tenantId, 'aad-2')).value.timeZone).toBe('Europe/Rome');
  });

  it('classifies the audit, keeps the persona history, flags a level-up and gives the next step', async () => {
    const f = await createSharingFixture(repos);
    await f.repos.topics.upsertMany(f.tenantId, [
      { id: 'innovation', name: { en: 'Innovation', it: 'Innovazione' } },
      { id: 'ai', name: { en: 'AI' } },
    ]);
    await f.onboarding.ensureEnrolled({ tenantId: f.tenantId, employeeId: 'p', now: NOW });
    const first = await f.onboarding.submitAudit(f.tenantId, 'p', answers({ topics: ['innovation', 'unknown-topic'] }), NOW);
    expect(first).toMatchObject({ persona: 'observer', levelUp: false, advice: { key: 'persona.next.observer.grow' } });
    expect(first.previous).toBeUndefined();
    expect(first.employee.topics).toEqual([{ topicId: 'innovation', role: 'social-mind' }]);
    expect(first.employee.audit).toMatchObject({ postsPerMonth: 1, learningStyle: 'video', auditedAt: NOW.toISOString() });

    const later = new Date(NOW.getTime() + 30 * 86_400_000);
    const second = await f.onboarding.submitAudit(f.tenantId, 'p', answers({ postsPerMonth: 8, topics: ['ai'] }), later);
    expect(second).toMatchObject({ persona: 'sharer', previous: 'observer', levelUp: true, advice: { key: 'persona.next.sharer.grow-network' } });
    expect(second.employee.personaHistory).toEqual([
      { persona: 'observer', since: NOW.toISOString() },
      { persona: 'sharer', since: later.toISOString() },
    ]);
    expect(second.employee.topics).toEqual([{ topicId: 'ai', role: 'social-mind' }]);
    expect(currentPersona(second.employee)).toBe('sharer');

    // Re-taking it with the same answers changes nothing in the history.
    const third = await f.onboarding.submitAudit(f.tenantId, 'p', answers({ postsPerMonth: 8, topics: ['ai'] }), new Date(later.getTime() + 1000));
    expect(third).toMatchObject({ levelUp: false, previous: 'sharer' });
    expect(third.employee.personaHistory).toHaveLength(2);
    expect(await f.onboarding.listTopics(f.tenantId, 'it')).toEqual([{ id: 'ai', name: 'AI' }, { id: 'innovation', name: 'Innovazione' }]);
  });

  it('"I don\'t want prompts" pauses prompts; the pause can be lifted', async () => {
    const f = await createSharingFixture(repos);
    await f.onboarding.ensureEnrolled({ tenantId: f.tenantId, employeeId: 'q', now: NOW });
    const { employee } = await f.onboarding.submitAudit(f.tenantId, 'q', answers({ noPrompts: true, wantsToGrow: false }), NOW);
    expect(employee.promptsPaused).toBe(true);
    expect((await f.onboarding.setPromptsPaused(f.tenantId, 'q', false)).promptsPaused).toBe(false);
    expect((await f.repos.employees.get(f.tenantId, 'q')).value.promptsPaused).toBe(false);
    await expect(f.onboarding.setPromptsPaused(f.tenantId, 'nobody', true)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('keeps higher topic roles an admin gave whatever the audit says', () => {
    const known = new Set(['a', 'b', 'c']);
    expect(applyAuditTopics([{ topicId: 'a', role: 'spokesperson' }, { topicId: 'b', role: 'social-mind' }], ['c'], known)).toEqual([
      { topicId: 'a', role: 'spokesperson' },
      { topicId: 'c', role: 'social-mind' },
    ]);
  });
});

describe('policy', () => {
  it('shows the current version in the person\'s language with a link to the full text, English when untranslated', async () => {
    const f = await createSharingFixture(repos);
    expect(await f.policy.current(f.tenantId, 'en')).toBeUndefined();
    await publishPolicy(f);
    const ja = await f.policy.current(f.tenantId, 'ja');
    expect(ja).toMatchObject({ version: 1, language: 'ja', title: 'ソーシャルメディア ガイドライン', fullTextUrl: 'https://hub.example.com/#/policy' });
    expect(ja?.fullText).toContain('# ');
    const [v1] = await f.repos.policies.list(f.tenantId);
    await f.repos.policies.upsert(f.tenantId, { ...v1!, texts: { en: v1!.texts.en } });
    expect(await f.policy.current(f.tenantId, 'zh')).toMatchObject({ language: 'en', title: 'Our social media guidelines' });
  });

  it('stores each acknowledgement with version and time, and the latest on the employee', async () => {
    const f = await createSharingFixture(repos);
    await f.addEmployee();
    expect(await f.policy.hasAcknowledged(f.tenantId, 'emp-1')).toBe(true); // no policy yet
    await expect(f.policy.acknowledge(f.tenantId, 'emp-1', 1, f.clock.now)).rejects.toBeInstanceOf(ConflictError);
    await publishPolicy(f);
    expect(await f.policy.hasAcknowledged(f.tenantId, 'emp-1')).toBe(false);
    await expect(f.policy.acknowledge(f.tenantId, 'emp-1', 2, f.clock.now)).rejects.toBeInstanceOf(ConflictError);
    await expect(f.policy.acknowledge(f.tenantId, 'ghost', 1, f.clock.now)).rejects.toBeInstanceOf(NotFoundError);
    await f.policy.acknowledge(f.tenantId, 'emp-1', 1, f.clock.now);
    await f.policy.acknowledge(f.tenantId, 'emp-1', 1, new Date(f.clock.now.getTime() + 5000)); // again: first time kept
    expect(await f.repos.policies.listAcknowledgements(f.tenantId, 'emp-1')).toEqual([
      { tenantId: f.tenantId, employeeId: 'emp-1', version: 1, at: f.clock.now.toISOString() },
    ]);
    expect((await f.repos.employees.get(f.tenantId, 'emp-1')).value.policyVersionAcknowledged).toBe(1);
    expect(await f.policy.hasAcknowledged(f.tenantId, 'emp-1')).toBe(true);

    const v1 = (await f.repos.policies.list(f.tenantId))[0]!;
    await expect(f.policy.publish(f.tenantId, { ...v1, version: 0 })).rejects.toBeInstanceOf(ConflictError);
    await expect(f.policy.publish(f.tenantId, { ...v1, version: 2, publishedAt: '2020-01-01T00:00:00.000Z' })).rejects.toBeInstanceOf(ValidationError);
    await expect(f.policy.publish(f.tenantId, { ...v1, version: 2, texts: { en: { ...v1.texts.en, body: ' ' } } })).rejects.toBeInstanceOf(ValidationError);
    await f.policy.publish(f.tenantId, { ...v1, version: 2, publishedAt: f.clock.now.toISOString() });
    expect(await f.policy.hasAcknowledged(f.tenantId, 'emp-1')).toBe(false);
    await f.policy.acknowledge(f.tenantId, 'emp-1', 2, f.clock.now);
    expect((await f.repos.policies.listAcknowledgements(f.tenantId, 'emp-1')).map((a) => a.version)).toEqual([1, 2]);
  });

  it('links the full text to the tab: a Teams deep link when the app id is known', () => {
    expect(policyTabUrl({ publicBaseUrl: 'https://hub.example.com/' })).toBe('https://hub.example.com/#/policy');
    expect(policyTabUrl({ publicBaseUrl: 'https://hub.example.com', teamsAppId: '00000000-0000-0000-0000-000000000001' })).toBe(
      `https://teams.microsoft.com/l/entity/00000000-0000-0000-0000-000000000001/board?context=${encodeURIComponent('{"subEntityId":"policy"}')}`,
    );
  });
});
