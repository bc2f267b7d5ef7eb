/**
 * "Help me rewrite" on the whole app (dev identity, real services, Azurite) against a local
 * server speaking Azure OpenAI's REST API: off until the admin turns it on, what the model is sent
 * (content and the person's words only: no name, email, id, link or disclosure), what comes back
 * (checked, fitted, blocked phrases refused), the per-person limit, and the model's failures
 * (throttled, failing, too slow, content filter, unreadable) as clear, translated errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminSettingsSchema } from '../../../src/shared/contracts/admin.js';
import { ApiErrorBodySchema } from '../../../src/shared/contracts/api-errors.js';
import { RewriteResultSchema, SharePanelSchema } from '../../../src/shared/contracts/board-share.js';
import { countNetworkLength } from '../../../src/shared/domain/suggested-text.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { startAzureOpenAiServer, type AzureOpenAiServer } from '../../support/azure-openai-server.js';
import { makeContentItem, makeEmployee } from '../../support/fixtures.js';

const TENANT = 'local-tenant';
const ITEM = 'aw-quantum';
const PER_MINUTE = 3;

/** One person per failure: the per-person limit must not mix the cases. */
const FAILURES = [
  ['aw-fail-429', 'throttled (429)', { kind: 'throttle', retryAfterSeconds: 7 } as const, 503, 'aiBusy', '7'],
  ['aw-fail-500', 'failing (500)', { kind: 'error' } as const, 502, 'aiFailed', undefined],
  ['aw-fail-slow', 'too slow (timeout)', { kind: 'hang' } as const, 503, 'aiBusy', '30'],
  ['aw-fail-filter', 'refusing (content filter)', { kind: 'content-filter' } as const, 422, 'aiRefused', undefined],
  ['aw-fail-prose', 'unreadable (not JSON)', { kind: 'content', content: 'Sure! Here are some ideas: ...' } as const, 502, 'aiFailed', undefined],
] as const;

let test: TestApp;
let model: AzureOpenAiServer;

beforeAll(async () => {
  model = await startAzureOpenAiServer();
  test = await startTestApp({
    AZURE_OPENAI_ENDPOINT: model.endpoint,
    AZURE_OPENAI_DEPLOYMENT: model.deployment,
    AZURE_OPENAI_API_KEY: model.apiKey,
    AZURE_OPENAI_TIMEOUT_MS: '1000',
    AI_WRITING_PER_MINUTE: String(PER_MINUTE),
  });
  const repos = test.app.repositories;
  await repos.content.upsertMany(TENANT, [
    makeContentItem(ITEM, {
      title: 'Quantum sensing for logistics',
      summary: 'Sensors that see inside sealed containers.',
      createdAt: new Date(Date.now() - 86_400_000).toISOString(),
      suggestedTexts: [{ network: 'x', language: 'ja', variants: ['量子センシングが物流を変えます。'] }],
    }),
  ]);
  await repos.employees.upsertMany(
    ['aw-ken', 'aw-amy', 'aw-val', 'aw-limit', 'aw-off', ...FAILURES.map((f) => f[0])].map((id) =>
      makeEmployee({ id, tenantId: TENANT, displayName: `Person ${id}`, email: `${id}@contoso.example`, language: id === 'aw-ken' ? 'ja' : 'en', policyVersionAcknowledged: 1 }),
    ),
  );
}, 90_000);

afterAll(async () => {
  await test?.close();
  await model?.close();
});

function call(as: string, method: 'GET' | 'PUT' | 'POST', url: string, payload?: unknown, headers: Record<string, string> = {}) {
  return test.app.server.inject({ method, url, headers: { 'x-dev-user': as, ...headers }, ...(payload !== undefined ? { payload: payload as object } : {}) });
}
const rewrite = (as: string, payload: unknown, headers: Record<string, string> = {}) => call(as, 'POST', `/api/board/items/${ITEM}/rewrite`, payload, headers);
const errorOf = (body: string) => ApiErrorBodySchema.parse(JSON.parse(body)).error;

async function setAiHelp(on: boolean, blockedPhrases?: string[]) {
  const current = AdminSettingsSchema.parse((await call('demo-admin', 'GET', '/api/admin/settings')).json());
  const { quietHours, weeklyPromptCap, defaultWorkingDays, disclosureLine } = current;
  const res = await call('demo-admin', 'PUT', '/api/admin/settings', { quietHours, weeklyPromptCap, defaultWorkingDays, disclosureLine, blockedPhrases: blockedPhrases ?? current.blockedPhrases, aiHelp: on });
  expect(res.statusCode).toBe(200);
  return current;
}

describe('turned off', () => {
  it('is not offered and refuses with 409 until the admin turns it on; the model is never called', async () => {
    const settings = AdminSettingsSchema.parse((await call('demo-admin', 'GET', '/api/admin/settings')).json());
    expect(settings).toMatchObject({ aiHelp: false, aiModelConfigured: true });
    const panel = SharePanelSchema.parse((await call('aw-ken', 'GET', `/api/board/items/${ITEM}/share`)).json());
    expect(panel.aiWriting).toBe(false);

    const res = await rewrite('aw-ken', { network: 'x', text: 'My words.' }, { 'accept-language': 'ja' });
    expect(res.statusCode).toBe(409);
    expect(errorOf(res.body)).toMatchObject({ code: 'aiWritingOff', details: 'turned-off' });
    expect(errorOf(res.body).message).toContain('AI による文章作成の支援');
    expect(model.requests).toHaveLength(0);
  });
});

describe('turned on', () => {
  beforeAll(async () => {
    await setAiHelp(true, ['guaranteed returns']);
  });

  it('is offered in the share panel', async () => {
    const panel = SharePanelSchema.parse((await call('aw-ken', 'GET', `/api/board/items/${ITEM}/share`)).json());
    expect(panel.aiWriting).toBe(true);
  });

  it('sends the model the content and the words only, and answers checked versions fitted to X', async () => {
    const panel = SharePanelSchema.parse((await call('aw-ken', 'GET', `/api/board/items/${ITEM}/share`)).json());
    const x = panel.networks.find((n) => n.network === 'x')!;
    expect(x.disclosure).toBeTruthy();
    model.script({
      kind: 'variants',
      variants: [
        `量子センシングで、密閉コンテナの中が見えるようになります。${x.linkUrl}`,
        'この技術で guaranteed returns が得られます！',
        `物流の未来を感じる記事でした。#量子 #物流 #センサー #AI #未来 #技術\n\n${x.disclosure ?? ''}`,
        '量子センシングの記事を読みました。'.repeat(30),
      ],
    });
    const before = model.requests.length;
    const res = await rewrite('aw-ken', { network: 'x', text: `私の感想です。${x.linkUrl}\n\n${x.disclosure ?? ''}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('private, no-store');
    const result = RewriteResultSchema.parse(res.json());
    expect(result).toMatchObject({ network: 'x', language: 'ja', dropped: { blocked: 1, unusable: 0 } });
    expect(result.variants.map((v) => v.text).slice(0, 2)).toEqual(['量子センシングで、密閉コンテナの中が見えるようになります。', '物流の未来を感じる記事でした。#量子 #物流 #センサー']);
    const long = result.variants[2]!;
    expect(long.shortened).toBe(true);
    expect(countNetworkLength([long.text, x.disclosure, x.linkUrl].join('\n\n'), 'x')).toBeLessThanOrEqual(280);

    // What reached the model: Azure's path and version, the key, the content and the words; nothing personal.
    expect(model.requests).toHaveLength(before + 1);
    const sent = model.requests.at(-1)!;
    expect(sent).toMatchObject({ path: `/openai/deployments/${model.deployment}/chat/completions`, apiVersion: '2024-10-21', auth: 'api-key', credential: model.apiKey, status: 200 });
    expect(sent.body.response_format).toEqual({ type: 'json_object' });
    const wire = JSON.stringify(sent.body);
    expect(wire).toContain('Quantum sensing for logistics');
    expect(wire).toContain('Sensors that see inside sealed containers.');
    expect(wire).toContain('私の感想です。');
    expect(wire).toContain('Write in Japanese');
    for (const secret of ['aw-ken', 'Person aw-ken', 'aw-ken@contoso.example', TENANT, x.linkUrl, x.linkUrl.split('/').at(-1)!, x.intentPath, x.disclosure!]) {
      expect(wire).not.toContain(secret);
    }
  });

  it('writes in the language asked for and saves nothing', async () => {
    const res = await rewrite('aw-amy', { network: 'linkedin', text: 'Interesting read.', language: 'it' });
    expect(res.statusCode).toBe(200);
    expect(RewriteResultSchema.parse(res.json())).toMatchObject({ network: 'linkedin', language: 'it', variants: [{ text: 'First version.' }, { text: 'Second version.' }, { text: 'Third version.' }] });
    expect(JSON.stringify(model.requests.at(-1)?.body)).toContain('Write in Italian');
    const panel = SharePanelSchema.parse((await call('aw-amy', 'GET', `/api/board/items/${ITEM}/share`)).json());
    expect(panel.networks.find((n) => n.network === 'linkedin')?.text).not.toBe('First version.');
  });

  it('validates the body strictly and the item', async () => {
    const before = model.requests.length;
    expect((await rewrite('aw-val', { network: 'x', text: 'a', extra: true })).statusCode).toBe(400);
    expect((await rewrite('aw-val', { network: 'myspace', text: 'a' })).statusCode).toBe(400);
    expect((await rewrite('aw-val', { network: 'x', text: 'a', language: 'klingon' })).statusCode).toBe(400);
    expect((await rewrite('aw-amy', { network: 'x', text: 'a'.repeat(3001) })).statusCode).toBe(400);
    expect((await call('aw-amy', 'POST', '/api/board/items/aw-none/rewrite', { network: 'x', text: 'a' })).statusCode).toBe(404);
    expect(model.requests.length).toBe(before);
  });

  it.each(FAILURES)('%s: answers a model %s with a clear error', async (person, _what, behaviour, status, code, retryAfter) => {
    model.script(behaviour);
    const res = await rewrite(person, { network: 'facebook', text: 'Worth a read.' }, { 'accept-language': 'ru' });
    expect(res.statusCode).toBe(status);
    const error = errorOf(res.body);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(/[а-яё]/i);
    expect(res.headers['retry-after']).toBe(retryAfter);
    // The app still answers.
    expect((await call(person, 'GET', `/api/board/items/${ITEM}/share`)).statusCode).toBe(200);
  });

  it(`limits each person to ${PER_MINUTE} a minute with a translated 429 and Retry-After; others are not affected`, async () => {
    for (let i = 0; i < PER_MINUTE; i += 1) expect((await rewrite('aw-limit', { network: 'x', text: `Take ${i}` })).statusCode).toBe(200);
    const refused = await rewrite('aw-limit', { network: 'x', text: 'Once more' }, { 'accept-language': 'zh' });
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(errorOf(refused.body)).toMatchObject({ code: 'aiTooManyRewrites' });
    expect(errorOf(refused.body).message).toContain('改写');
    expect((await rewrite('aw-ken', { network: 'x', text: 'Mine' })).statusCode).toBe(200);
  });

  it('stops at once when the admin turns it off again', async () => {
    await setAiHelp(false);
    expect((await rewrite('aw-off', { network: 'x', text: 'Again' })).statusCode).toBe(409);
    expect(SharePanelSchema.parse((await call('aw-off', 'GET', `/api/board/items/${ITEM}/share`)).json()).aiWriting).toBe(false);
  });
});
