/**
 * Admin > Settings read for real (Azurite, the whole app): each setting changed through the API
 * changes the behaviour where it matters. Quiet hours: a campaign preview no longer places someone
 * whose working hours fall inside them. Weekly cap and working days: people the CSV import adds get
 * them. Disclosure line: the board's share panel shows the admin's line instead of the translated
 * default. Blocked phrases: a suggestion is flagged by a phrase only after it is added. The
 * webhook key is stored encrypted (AES-256-GCM) and shown once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TableRepositories } from '../../../src/bot/storage/index.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { makeContentItem, makeEmployee } from '../../support/fixtures.js';

let test: TestApp;
let tenant: string;
const DAY = 86_400_000;

beforeAll(async () => {
  test = await startTestApp();
  tenant = test.app.config.auth.mode === 'dev' ? test.app.config.auth.tenantId : '';
  await test.app.repositories.employees.upsertMany([
    makeEmployee({ id: 'fx-worker', tenantId: tenant, team: 'fx-team', persona: 'sharer', timeZone: 'Europe/Rome', workingDays: [0, 1, 2, 3, 4, 5, 6], workingHours: { start: 9, end: 17 }, weeklyPromptCap: 5, promptsPaused: false }),
  ]);
  await test.app.repositories.content.upsertMany(tenant, [makeContentItem('fx-item', { status: 'published', suggestedTexts: [{ network: 'linkedin', language: 'en', variants: ['Worth a read.'] }] })]);
}, 120_000);

afterAll(async () => {
  await test?.close();
});

function call(as: string, method: 'GET' | 'PUT' | 'POST', path: string, body?: unknown, contentType = 'application/json') {
  return fetch(`${test.baseUrl}${path}`, {
    method,
    headers: { 'x-dev-user': as, ...(body !== undefined ? { 'content-type': contentType } : {}) },
    ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
}

async function saveSettings(patch: Record<string, unknown>) {
  const current = (await (await call('demo-admin', 'GET', '/api/admin/settings')).json()) as Record<string, unknown>;
  const { webhookSecretSet: _s, webhookSecretRotatedAt: _r, ...input } = current;
  const res = await call('demo-admin', 'PUT', '/api/admin/settings', { ...input, ...patch });
  expect(res.status).toBe(200);
}

describe('admin settings take effect', () => {
  it('quiet hours keep the campaign planner out of them', async () => {
    const start = new Date(Date.now() + DAY);
    const window = { start: start.toISOString(), end: new Date(start.getTime() + 5 * DAY).toISOString() };
    const created = (await (await call('demo-admin', 'POST', '/api/campaigns', { contentId: 'fx-item', audience: { teams: ['fx-team'] }, window })).json()) as { id: string };
    const preview = async () => (await (await call('demo-admin', 'GET', `/api/campaigns/${created.id}/preview`)).json()) as { notPlaced: Array<{ employeeId: string }>; perDay: Record<string, number> };
    await saveSettings({ quietHours: { start: 20, end: 8 } });
    const open = await preview();
    expect(open.notPlaced.map((n) => n.employeeId)).not.toContain('fx-worker');
    expect(Object.values(open.perDay).reduce((a, b) => a + b, 0)).toBe(1);
    await saveSettings({ quietHours: { start: 8, end: 18 } });
    const quiet = await preview();
    expect(quiet.notPlaced.map((n) => n.employeeId)).toContain('fx-worker');
    expect(Object.values(quiet.perDay).reduce((a, b) => a + b, 0)).toBe(0);
  });

  it('new people (import, chat enrolment) get the default weekly cap and working days', async () => {
    await saveSettings({ weeklyPromptCap: 7, defaultWorkingDays: [1, 2, 3, 4] });
    const started = await call('demo-admin', 'POST', '/api/admin/people/import', 'id,name,email,team\nfx-new-1,Nia New,nia@contoso.example,Ops\n', 'text/csv');
    expect(started.status).toBe(202);
    const { job } = (await started.json()) as { job: { id: string } };
    for (let i = 0; i < 100; i += 1) {
      const status = (await (await call('demo-admin', 'GET', `/api/admin/people/import/${job.id}`)).json()) as { job: { state: string } };
      if (status.job.state !== 'running') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const person = (await test.app.repositories.employees.find(tenant, 'fx-new-1'))?.value;
    expect(person).toMatchObject({ weeklyPromptCap: 7, workingDays: [1, 2, 3, 4] });
    // Someone who enrols by opening the chat gets them too.
    const { employee } = await test.app.services.onboarding.ensureEnrolled({ tenantId: tenant, employeeId: 'fx-chat-1', displayName: 'Chen Chat', now: new Date() });
    expect(employee).toMatchObject({ weeklyPromptCap: 7, workingDays: [1, 2, 3, 4] });
  });

  it('the disclosure line is the admin’s own once changed', async () => {
    const panel = async () => JSON.stringify(await (await call('demo-employee', 'GET', '/api/board/items/fx-item/share')).json());
    const before = await panel();
    expect(before).toContain('"disclosure"');
    expect(before).not.toContain('Views are my own');
    await saveSettings({ disclosureLine: 'Views are my own. I work at Contoso.' });
    const after = await panel();
    expect(after).toContain('"disclosure":"Views are my own. I work at Contoso."');
  });

  it('the rotated webhook key is stored encrypted and still shown once', async () => {
    const rotated = (await (await call('demo-admin', 'POST', '/api/admin/settings/webhook-secret')).json()) as { secret: string };
    expect(rotated.secret).toMatch(/^whsec_/);
    const stored = (await (test.app.repositories as TableRepositories).adminSettings.find(tenant))?.webhookSecret ?? '';
    expect(stored.startsWith('enc:v1:')).toBe(true);
    expect(stored).not.toContain(rotated.secret.slice(6));
    expect(JSON.stringify(await (await call('demo-admin', 'GET', '/api/admin/settings')).json())).not.toContain(rotated.secret);
  });

  it('blocked phrases flag suggestions once added', async () => {
    const res = await call('demo-employee', 'POST', '/api/suggestions', { url: 'https://example.com/fx-offer', why: 'Get guaranteed followers fast here.' });
    expect(res.status).toBeLessThan(300);
    const flagged = async () => ((await (await call('demo-admin', 'GET', '/api/admin/suggestions')).json()) as { suggestions: Array<{ url: string; flaggedPhrases: string[] }> }).suggestions.find((s) => s.url === 'https://example.com/fx-offer')?.flaggedPhrases;
    expect(await flagged()).toEqual([]);
    const current = (await (await call('demo-admin', 'GET', '/api/admin/settings')).json()) as { blockedPhrases: string[] };
    await saveSettings({ blockedPhrases: [...current.blockedPhrases, 'guaranteed followers'] });
    expect(await flagged()).toEqual(['guaranteed followers']);
  });
});
