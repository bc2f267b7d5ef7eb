/** The sharing service on Azurite: prompts, edits, the share door, choices, pause and cap. */
import { beforeAll, describe, expect, it } from 'vitest';
import { NotFoundError, ValidationError } from '../../../src/bot/services/errors.js';
import { randomBytes } from 'node:crypto';
import { createSharingService, shareIdOf } from '../../../src/bot/services/sharing.service.js';
import type { TableRepositories } from '../../../src/bot/storage/index.js';
import { countNetworkLength } from '../../../src/shared/domain/suggested-text.js';
import { createTestRepositories } from '../../support/azurite.js';
import { BASE, createSharingFixture, publishPolicy, type SharingFixture } from './sharing-fixture.js';

let repos: TableRepositories;
beforeAll(async () => {
  repos = await createTestRepositories('sharing');
});

async function ready(): Promise<{ f: SharingFixture; code: string }> {
  const f = await createSharingFixture(repos);
  await f.addEmployee();
  await f.addContent('c1', {
    url: 'https://contoso.example/news?utm_content=hero&ref=a',
    topics: ['innovation'],
    suggestedTexts: [{ network: 'linkedin', language: 'en', variants: ['Proud of what the team shipped this week.'] }],
  });
  await publishPolicy(f);
  await f.policy.acknowledge(f.tenantId, 'emp-1', 1, f.clock.now);
  const view = await f.sharing.preparePrompt({ tenantId: f.tenantId, employeeId: 'emp-1', contentId: 'c1', now: f.clock.now });
  return { f, code: view.promptCode };
}

describe('preparePrompt', () => {
  it('creates one prompt per person and item, even when asked twice at once', async () => {
    const { f, code } = await ready();
    const again = await Promise.all(
      Array.from({ length: 4 }, () => f.sharing.preparePrompt({ tenantId: f.tenantId, employeeId: 'emp-1', contentId: 'c1', now: f.clock.now })),
    );
    expect(new Set(again.map((v) => v.promptCode))).toEqual(new Set([code]));
    expect(await f.repos.prompts.listByEmployee(f.tenantId, 'emp-1')).toHaveLength(1);
    // Another campaign is another prompt.
    const campaign = await f.sharing.preparePrompt({ tenantId: f.tenantId, employeeId: 'emp-1', contentId: 'c1', campaignId: 'q4', now: f.clock.now });
    expect(campaign.promptCode).not.toBe(code);
  });

  it('shows the suggested text per network, the disclosure, lengths as the network counts them and the door URLs', async () => {
    const { f, code } = await ready();
    const view = await f.sharing.getPrompt(f.tenantId, 'emp-1', code);
    expect(view.state).toBe('open');
    expect(view.policyAcknowledged).toBe(true);
    expect(view.networks.map((n) => n.network)).toEqual(['linkedin', 'x', 'facebook']);
    const linkedin = view.networks[0]!;
    expect(linkedin.text).toBe('Proud of what the team shipped this week.');
    expect(linkedin.disclosure).toBe('I work at Contoso. #employee');
    expect(linkedin.intentUrl).toBe(`${BASE}/s/${code}/linkedin`);
    expect(linkedin.limit).toBe(3000);
    const x = view.networks[1]!;
    expect(x.text).toBe('Item c1'); // no X suggestion: the title
    expect(x.length).toBe(countNetworkLength(`Item c1\n\nI work at Contoso. #employee\n\n${BASE}/l/AAAAAAAAAAAA`, 'x'));
    expect(view.why).toEqual({ key: 'why.persona.observer', params: {} });
    expect(view.boardDeepLink).toBe(`${BASE}/tab/#/board?item=c1`);
  });

  it('explains "why" with a followed topic in the person\'s language', async () => {
    const f = await createSharingFixture(repos);
    await f.repos.topics.upsertMany(f.tenantId, [{ id: 'innovation', name: { en: 'Innovation', ja: 'イノベーション' } }]);
    await f.addEmployee({ language: 'ja', topics: [{ topicId: 'innovation', role: 'social-mind' }] });
    await f.addContent('c1', { topics: ['innovation'] });
    const view = await f.sharing.preparePrompt({ tenantId: f.tenantId, employeeId: 'emp-1', contentId: 'c1', now: f.clock.now });
    expect(view.why).toEqual({ key: 'why.topic', params: { topic: 'イノベーション' } });
    expect(view.topics).toEqual([{ id: 'innovation', name: 'イノベーション' }]);
    expect(view.networks[0]!.disclosure).toBe('Contosoで働いています。#社員');
  });

  it('refuses an unknown person or item', async () => {
    const f = await createSharingFixture(repos);
    await f.addEmployee();
    await expect(f.sharing.preparePrompt({ tenantId: f.tenantId, employeeId: 'emp-1', contentId: 'nope', now: f.clock.now })).rejects.toBeInstanceOf(NotFoundError);
    await expect(f.sharing.getPrompt(f.tenantId, 'someone-else', 'AAAAAAAAAAAA')).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('saveText and the disclosure', () => {
  it('stores the edit per network and refuses empty or too long text', async () => {
    const { f, code } = await ready();
    const view = await f.sharing.saveText(f.tenantId, 'emp-1', code, 'x', '  My own take on it.  ', f.clock.now);
    expect(view.networks.find((n) => n.network === 'x')?.text).toBe('My own take on it.');
    expect(view.networks.find((n) => n.network === 'linkedin')?.text).toBe('Proud of what the team shipped this week.');
    await expect(f.sharing.saveText(f.tenantId, 'emp-1', code, 'x', '   ', f.clock.now)).rejects.toBeInstanceOf(ValidationError);
    // 258 + 2 + 23 (the link) = 283 > 280
    await expect(f.sharing.saveText(f.tenantId, 'emp-1', code, 'x', 'a'.repeat(258), f.clock.now)).rejects.toBeInstanceOf(ValidationError);
    // Someone else cannot edit it.
    await expect(f.sharing.saveText(f.tenantId, 'emp-2', code, 'x', 'hi', f.clock.now)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('appends the disclosure only when the whole post still fits the network', async () => {
    const { f, code } = await ready();
    const disclosure = 'I work at Contoso. #employee'; // 28
    // X: body + 2 + 28 + 2 + 23 <= 280  <=> body <= 225
    const fits = await f.sharing.saveText(f.tenantId, 'emp-1', code, 'x', 'b'.repeat(225), f.clock.now);
    expect(fits.networks.find((n) => n.network === 'x')).toMatchObject({ disclosure, length: 280 });
    const tooLong = await f.sharing.saveText(f.tenantId, 'emp-1', code, 'x', 'b'.repeat(226), f.clock.now);
    const x = tooLong.networks.find((n) => n.network === 'x')!;
    expect(x.disclosure).toBeUndefined();
    expect(x.length).toBe(226 + 2 + 23);
  });

  it('adds no disclosure when the programme turned it off', async () => {
    const { f, code } = await ready();
    await f.repos.settings.upsert(f.tenantId, { disclosureEnabled: false, companyName: 'Contoso', networks: ['linkedin', 'x'] });
    const view = await f.sharing.getPrompt(f.tenantId, 'emp-1', code);
    expect(view.networks.map((n) => n.network)).toEqual(['linkedin', 'x']);
    expect(view.networks.every((n) => n.disclosure === undefined)).toBe(true);
  });
});

describe('openIntent (every door records through it)', () => {
  it('records one share and one tracked link, however often and however concurrently it is opened', async () => {
    const { f, code } = await ready();
    await f.sharing.saveText(f.tenantId, 'emp-1', code, 'linkedin', 'Our new release, in my words.', f.clock.now);
    const outcomes = await Promise.all(Array.from({ length: 6 }, () => f.sharing.openIntent(code, 'linkedin', f.clock.now)));
    const again = await f.sharing.openIntent(code, 'linkedin', new Date(f.clock.now.getTime() + 3_600_000));
    expect(new Set([...outcomes, again].map((o) => o.kind))).toEqual(new Set(['redirect']));
    const shares = await f.repos.shares.listByEmployee(f.tenantId, 'emp-1');
    expect(shares).toHaveLength(1);
    const share = shares[0]!;
    expect(share).toMatchObject({ id: shareIdOf(code, 'linkedin'), contentId: 'c1', network: 'linkedin', sharedAt: f.clock.now.toISOString() });
    expect(share.text).toBe(`Our new release, in my words.\n\nI work at Contoso. #employee\n\n${BASE}/l/${share.linkCode}`);
    expect(f.recorded.map((s) => s.id)).toEqual([share.id]);
    expect(f.recorded[0]!.tenantId).toBe(f.tenantId);
    const link = await f.repos.trackedLinks.find(share.linkCode);
    expect(link).toMatchObject({ tenantId: f.tenantId, shareId: share.id, employeeId: 'emp-1', network: 'linkedin' });
    // The share code wins over the target's own utm_content, which is kept aside.
    const target = new URL(link!.targetUrl);
    expect(target.searchParams.get('utm_content')).toBe(share.linkCode);
    expect(target.searchParams.get('utm_content_original')).toBe('hero');
    expect(target.searchParams.get('ref')).toBe('a');
    const view = await f.sharing.getPrompt(f.tenantId, 'emp-1', code);
    expect(view.state).toBe('shared');
    expect(view.networks[0]!.shared).toEqual({ at: f.clock.now.toISOString(), linkCode: share.linkCode, clicks: 0 });
    const responses = await f.repos.contentResponses.listByEmployee(f.tenantId, 'emp-1');
    expect(responses).toMatchObject([{ contentId: 'c1', kind: 'shared' }]);
  });

  it('builds each composer URL with the person\'s words', async () => {
    const { f, code } = await ready();
    await f.sharing.saveText(f.tenantId, 'emp-1', code, 'x', 'Short & sweet #ai', f.clock.now);
    const x = await f.sharing.openIntent(code, 'x', f.clock.now);
    const fb = await f.sharing.openIntent(code, 'facebook', f.clock.now);
    const prompt = (await f.repos.prompts.find(code))!.value;
    expect(x).toEqual({
      kind: 'redirect',
      language: 'en',
      location: `https://x.com/intent/post?text=${encodeURIComponent('Short & sweet #ai\n\nI work at Contoso. #employee')}&url=${encodeURIComponent(`${BASE}/l/${prompt.linkCodes.x}`)}`,
    });
    expect(fb).toEqual({
      kind: 'copy-then-continue',
      network: 'facebook',
      language: 'en',
      text: 'Item c1\n\nI work at Contoso. #employee',
      location: `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(`${BASE}/l/${prompt.linkCodes.facebook}`)}`,
    });
    expect((await f.repos.shares.listByEmployee(f.tenantId, 'emp-1')).map((s) => s.network).sort()).toEqual(['facebook', 'x']);
  });

  it('refuses without recording: unknown code, network not offered, content gone, policy not acknowledged', async () => {
    const { f, code } = await ready();
    expect(await f.sharing.openIntent('AAAAAAAAAAAA', 'linkedin', f.clock.now)).toEqual({ kind: 'refused', reason: 'unknown-code', language: 'en' });
    expect(await f.sharing.openIntent('../../etc', 'linkedin', f.clock.now)).toMatchObject({ reason: 'unknown-code' });
    expect(await f.sharing.openIntent(code, 'myspace', f.clock.now)).toMatchObject({ reason: 'network-not-offered' });
    await f.repos.settings.upsert(f.tenantId, { disclosureEnabled: true, companyName: 'Contoso', networks: ['linkedin'] });
    expect(await f.sharing.openIntent(code, 'x', f.clock.now)).toMatchObject({ reason: 'network-not-offered' });
    const item = await f.repos.content.get(f.tenantId, 'c1');
    await f.repos.content.update(f.tenantId, { ...item.value, expiresAt: f.clock.now.toISOString() }, item.etag);
    expect(await f.sharing.openIntent(code, 'linkedin', f.clock.now)).toMatchObject({ reason: 'content-unavailable' });
    expect(await f.repos.shares.listByEmployee(f.tenantId, 'emp-1')).toEqual([]);
    expect(f.recorded).toEqual([]);
  });
});

describe('openIntent when a first open died half-way, or scoring fails', () => {
  it('completes the share from the link a crashed open left behind, but not while the first open may still be writing', async () => {
    const { f, code } = await ready();
    const prompt = (await f.repos.prompts.find(code))!.value;
    const linkAt = new Date(f.clock.now.getTime() - 30_000).toISOString();
    await f.repos.trackedLinks.create({
      code: prompt.linkCodes.linkedin, tenantId: f.tenantId, targetUrl: 'https://contoso.example/news', shareId: shareIdOf(code, 'linkedin'),
      employeeId: 'emp-1', contentId: 'c1', network: 'linkedin', createdAt: linkAt,
    });
    expect((await f.sharing.openIntent(code, 'linkedin', f.clock.now)).kind).toBe('redirect');
    expect(await f.repos.shares.listByEmployee(f.tenantId, 'emp-1')).toEqual([]);
    const later = new Date(f.clock.now.getTime() + 60_000);
    expect((await f.sharing.openIntent(code, 'linkedin', later)).kind).toBe('redirect');
    const shares = await f.repos.shares.listByEmployee(f.tenantId, 'emp-1');
    expect(shares).toMatchObject([{ id: shareIdOf(code, 'linkedin'), sharedAt: linkAt }]);
    expect(f.recorded.map((r) => r.id)).toEqual([shareIdOf(code, 'linkedin')]);
  });

  it('keeps the share when the scoring hook throws, and logs it', async () => {
    const { f, code } = await ready();
    const warnings: string[] = [];
    const sharing = createSharingService({
      repositories: f.repos, publicBaseUrl: BASE, randomBytes, clock: () => f.clock.now,
      events: { onShareRecorded: async () => { throw new Error('scoring down'); } },
      logger: { warn: (details, message) => void warnings.push(`${message}: ${JSON.stringify(details)}`) },
    });
    expect((await sharing.openIntent(code, 'x', f.clock.now)).kind).toBe('redirect');
    expect(await f.repos.shares.listByEmployee(f.tenantId, 'emp-1')).toHaveLength(1);
    expect(warnings).toEqual([`onShareRecorded failed: {"shareId":"${shareIdOf(code, 'x')}","error":"scoring down"}`]);
  });
});

describe('the policy gate', () => {
  it('refuses before acknowledgement, works after, and asks again for a new version', async () => {
    const f = await createSharingFixture(repos);
    await f.addEmployee({ language: 'th' });
    await f.addContent('c1');
    await publishPolicy(f);
    const { promptCode } = await f.sharing.preparePrompt({ tenantId: f.tenantId, employeeId: 'emp-1', contentId: 'c1', now: f.clock.now });
    expect(await f.policy.hasAcknowledged(f.tenantId, 'emp-1')).toBe(false);
    expect(await f.sharing.openIntent(promptCode, 'linkedin', f.clock.now)).toEqual({ kind: 'refused', reason: 'policy-not-acknowledged', language: 'th' });
    expect(await f.repos.shares.listByEmployee(f.tenantId, 'emp-1')).toEqual([]);
    expect(await f.repos.trackedLinks.find((await f.repos.prompts.find(promptCode))!.value.linkCodes.linkedin)).toBeUndefined();

    await f.policy.acknowledge(f.tenantId, 'emp-1', 1, f.clock.now);
    expect(await f.policy.hasAcknowledged(f.tenantId, 'emp-1')).toBe(true);
    expect((await f.sharing.openIntent(promptCode, 'linkedin', f.clock.now)).kind).toBe('redirect');

    const v2 = { ...(await f.repos.policies.list(f.tenantId))[0]!, version: 2, publishedAt: f.clock.now.toISOString() };
    await f.policy.publish(f.tenantId, v2);
    expect(await f.policy.hasAcknowledged(f.tenantId, 'emp-1')).toBe(false);
    expect(await f.sharing.openIntent(promptCode, 'x', f.clock.now)).toMatchObject({ reason: 'policy-not-acknowledged' });
    expect((await f.repos.shares.listByEmployee(f.tenantId, 'emp-1')).map((s) => s.network)).toEqual(['linkedin']);
  });
});

describe('nextOffer: choice, snooze, pause and cap', () => {
  async function board(f: SharingFixture, count: number) {
    for (let i = 0; i < count; i++) {
      await f.addContent(`item-${i}`, { createdAt: new Date(Date.UTC(2026, 10, 20 + i)).toISOString() });
    }
  }

  it('never offers a skipped item again, and never the same prompt twice', async () => {
    const f = await createSharingFixture(repos);
    await f.addEmployee({ weeklyPromptCap: 10 });
    await board(f, 4);
    const first = (await f.sharing.nextOffer(f.tenantId, 'emp-1', f.clock.now))!;
    expect(first.id).toBe('item-3'); // the freshest
    const view = await f.sharing.preparePrompt({ tenantId: f.tenantId, employeeId: 'emp-1', contentId: first.id, now: f.clock.now });
    const skipped = await f.sharing.respond(f.tenantId, 'emp-1', view.promptCode, { kind: 'skipped', reason: 'not-relevant' }, f.clock.now);
    expect(skipped.state).toBe('skipped');
    expect((await f.repos.prompts.find(view.promptCode))!.value.response).toEqual({ kind: 'skipped', reason: 'not-relevant', at: f.clock.now.toISOString() });
    const offered: string[] = [];
    for (let day = 0; day < 3; day++) {
      const at = new Date(f.clock.now.getTime() + day * 86_400_000);
      const next = await f.sharing.nextOffer(f.tenantId, 'emp-1', at);
      if (!next) break;
      offered.push(next.id);
      await f.sharing.preparePrompt({ tenantId: f.tenantId, employeeId: 'emp-1', contentId: next.id, now: at });
    }
    expect(offered).not.toContain('item-3');
    expect(new Set(offered).size).toBe(offered.length);
  });

  it('re-offers a snoozed item once, at the person\'s next allowed slot', async () => {
    const f = await createSharingFixture(repos);
    await f.addEmployee({ weeklyPromptCap: 10 }); // Tokyo, Mon-Fri 9-17; now = Tuesday 10:00 Tokyo
    await board(f, 1);
    const view = await f.sharing.preparePrompt({ tenantId: f.tenantId, employeeId: 'emp-1', contentId: 'item-0', now: f.clock.now });
    const snoozed = await f.sharing.respond(f.tenantId, 'emp-1', view.promptCode, { kind: 'snoozed' }, f.clock.now);
    expect(snoozed.state).toBe('snoozed');
    const slot = '2026-12-02T00:00:00.000Z'; // Wednesday 09:00 Tokyo
    expect((await f.repos.contentResponses.listByEmployee(f.tenantId, 'emp-1'))[0]).toMatchObject({ kind: 'snoozed', until: slot });
    expect(await f.sharing.nextOffer(f.tenantId, 'emp-1', new Date('2026-12-01T23:59:00.000Z'))).toBeUndefined();
    const due = new Date(slot);
    expect((await f.sharing.nextOffer(f.tenantId, 'emp-1', due))?.id).toBe('item-0');
    const again = await f.sharing.preparePrompt({ tenantId: f.tenantId, employeeId: 'emp-1', contentId: 'item-0', now: due });
    expect(again.promptCode).toBe(view.promptCode);
    expect((await f.repos.prompts.find(view.promptCode))!.value.reofferedAt).toBe(slot);
    // Once: not offered again, not even after another "later".
    expect(await f.sharing.nextOffer(f.tenantId, 'emp-1', new Date('2026-12-02T05:00:00.000Z'))).toBeUndefined();
    await f.sharing.respond(f.tenantId, 'emp-1', view.promptCode, { kind: 'snoozed' }, new Date('2026-12-02T05:00:00.000Z'));
    expect(await f.sharing.nextOffer(f.tenantId, 'emp-1', new Date('2026-12-04T05:00:00.000Z'))).toBeUndefined();
  });

  it('offers nothing while paused, and again after resuming', async () => {
    const f = await createSharingFixture(repos);
    await f.addEmployee();
    await board(f, 2);
    await f.onboarding.setPromptsPaused(f.tenantId, 'emp-1', true);
    expect(await f.sharing.nextOffer(f.tenantId, 'emp-1', f.clock.now)).toBeUndefined();
    await f.onboarding.setPromptsPaused(f.tenantId, 'emp-1', false);
    expect(await f.sharing.nextOffer(f.tenantId, 'emp-1', f.clock.now)).toBeDefined();
    expect(await f.sharing.nextOffer(f.tenantId, 'nobody', f.clock.now)).toBeUndefined();
  });

  it('stops at the weekly cap of the person\'s local week and starts again the next week', async () => {
    const f = await createSharingFixture(repos);
    await f.addEmployee({ weeklyPromptCap: 2 });
    await board(f, 8);
    const given: string[] = [];
    for (let i = 0; i < 3; i++) {
      const next = await f.sharing.nextOffer(f.tenantId, 'emp-1', f.clock.now);
      if (!next) break;
      given.push(next.id);
      await f.sharing.preparePrompt({ tenantId: f.tenantId, employeeId: 'emp-1', contentId: next.id, now: f.clock.now });
    }
    expect(given).toHaveLength(2);
    // Sunday 23:30 UTC is Monday 08:30 in Tokyo: a new local week.
    expect(await f.sharing.nextOffer(f.tenantId, 'emp-1', new Date('2026-12-06T23:30:00.000Z'))).toBeDefined();
    expect(await f.sharing.nextOffer(f.tenantId, 'emp-1', new Date('2026-12-06T14:30:00.000Z'))).toBeUndefined();
  });
});
