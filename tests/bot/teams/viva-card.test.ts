/**
 * The Viva Connections dashboard card through the real teams-ai Application, Azurite and the
 * local connector: card view (posts waiting, clicks this week, rank), quick view (top three with
 * Share), Share -> one button per network to the share door, the door records the share and the
 * card counts one post fewer; the policy gate, people who have not joined, a removed post, a
 * forged payload, and the six languages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VIVA_ACTIONS, VIVA_DASHBOARD_CARD } from '../../../src/bot/teams/cards/viva/viva-views.js';
import type { ScoreSource } from '../../../src/bot/teams/score-source.js';
import { readVivaAction, VIVA_CARD_INVOKES } from '../../../src/bot/teams/viva-card.handler.js';
import type { StoredPolicy } from '../../../src/bot/services/sharing.ports.js';
import { SUPPORTED_LANGUAGES, type Language } from '../../../src/shared/domain/types.js';
import { viva as vivaCatalogs } from '../../../src/shared/i18n/catalogs/viva/index.js';
import type { ActivityJson, TestChat } from '../../support/activities.js';
import { startBotHarness, type BotHarness } from '../../support/bot-harness.js';
import { cardTexts, checkAdaptiveCard } from '../../support/cards.js';
import { makeContentItem } from '../../support/fixtures.js';
import { actionsOf } from '../../support/replies.js';

const NOW = new Date('2026-12-03T10:00:00.000Z');
const TENANT = 'viva-card-tenant';
const BASE = 'https://advocacy.example.com';
let harness: BotHarness;

/** A fixed standing for everyone: the rank and weekly clicks come from the scoring helper's port. */
const scores: ScoreSource = {
  myScore: async () => ({ contest: { name: 'December', endsAt: '2026-12-31T00:00:00.000Z' }, points: 40, rank: 2, ranked: 7, clicks: 30, clicksThisWeek: 1234, shares: 3 }),
  leaderboard: async () => undefined,
};

const policy: StoredPolicy = {
  version: 1,
  publishedAt: '2026-11-01T00:00:00.000Z',
  createdAt: '2026-11-01T00:00:00.000Z',
  texts: { en: { title: 'Social media policy', summary: 'Be yourself.', body: '# Policy' } },
};

const ITEMS = ['alpha', 'bravo', 'charlie', 'delta'].map((id, i) =>
  makeContentItem(`viva-${id}`, {
    title: `Story ${id}`,
    summary: 'Summary.',
    topics: ['sustainability'],
    createdAt: `2026-12-0${i + 1}T08:00:00.000Z`,
    suggestedTexts: [
      { network: 'linkedin', language: 'en', variants: [`LinkedIn text for ${id}.`] },
      { network: 'x', language: 'en', variants: [`X text for ${id}.`] },
    ],
  }),
);

beforeAll(async () => {
  harness = await startBotHarness({ label: 'vivacard', clock: () => NOW, publicBaseUrl: BASE, scores, connector: { rateLimits: false } });
  await harness.repositories.topics.upsertMany(TENANT, [{ id: 'sustainability', name: { en: 'Sustainability', ja: 'サステナビリティ' } }]);
  await harness.repositories.content.upsertMany(TENANT, ITEMS);
  await harness.services.policy.publish(TENANT, policy);
});
afterAll(() => harness.stop());

/** A dashboard card invoke from the person of `chat` (Viva sends no conversation type). */
function invoke(chat: TestChat, name: string, value: unknown, locale = 'en-US'): ActivityJson {
  const base = chat.message('', { locale });
  const { text: _text, textFormat: _format, ...rest } = base;
  const conversation = { ...(base.conversation as Record<string, unknown>) };
  delete conversation.conversationType;
  return { ...rest, type: 'invoke', name, value, conversation };
}

async function call(chat: TestChat, name: string, value: unknown, locale?: string): Promise<Record<string, unknown>> {
  const result = await harness.send(invoke(chat, name, value, locale));
  expect(result.status).toBe(200);
  return result.body as Record<string, unknown>;
}

type CardView = { aceData: { id: string; title: string }; viewId: string; cardViewParameters: { header: { text: string }[]; body?: { text: string }[]; footer: { title: string; action: { type: string } }[] } };
type QuickView = { viewId: string; title: string; template: Record<string, unknown> };

const cardView = async (chat: TestChat, locale?: string) => (await call(chat, VIVA_CARD_INVOKES.getCardView, { data: {}, properties: {} }, locale)) as unknown as CardView;
const quickView = async (chat: TestChat) => (await call(chat, VIVA_CARD_INVOKES.getQuickView, { data: { viewId: 'viva.top' }, properties: {} })) as unknown as QuickView;
async function press(chat: TestChat, data: Record<string, unknown>): Promise<QuickView> {
  const body = await call(chat, VIVA_CARD_INVOKES.handleAction, { data: { type: 'Submit', id: 'share', data }, properties: {} });
  expect(body.responseType).toBe('QuickView');
  const view = body.renderArguments as QuickView;
  expect(checkAdaptiveCard(view.template).errors).toEqual([]);
  return view;
}

async function enrolledChat(locale = 'en-US'): Promise<TestChat> {
  const chat = harness.chat({ tenantId: TENANT, locale });
  await harness.send(chat.installationUpdate('add'));
  return chat;
}

describe('Viva Connections dashboard card', () => {
  it('card view: posts waiting, clicks this week and rank; the quick view lists the top three with Share', async () => {
    const chat = await enrolledChat();
    const card = await cardView(chat);
    expect(card.aceData.id).toBe(VIVA_DASHBOARD_CARD.id);
    expect(card.cardViewParameters.header[0]?.text).toBe('4 posts waiting for you');
    expect(card.cardViewParameters.body?.[0]?.text).toBe('1,234 clicks this week · rank 2 of 7');
    expect(card.cardViewParameters.footer[0]?.action.type).toBe('QuickView');

    const top = await quickView(chat);
    expect(checkAdaptiveCard(top.template).errors).toEqual([]);
    const shares = actionsOf(top.template).filter((a) => a.type === 'Action.Submit');
    expect(shares).toHaveLength(3);
    const ids = shares.map((a) => (a.data as { contentId: string }).contentId);
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(ITEMS.map((i) => i.id)).toContain(id);
    expect(cardTexts(top.template)).toContain('Top posts for you');
  });

  it('Share goes through the share door: policy first, then one button per network; a share counts one post fewer', async () => {
    const chat = await enrolledChat();
    const gated = await press(chat, { action: VIVA_ACTIONS.share, contentId: 'viva-alpha' });
    expect(cardTexts(gated.template).join('\n')).toContain(vivaCatalogs.en.quick.policyFirst);
    expect(actionsOf(gated.template).some((a) => String(a.url ?? '').includes('/s/'))).toBe(false);

    await harness.services.policy.acknowledge(TENANT, chat.user.aadObjectId, 1, NOW);
    const share = await press(chat, { action: VIVA_ACTIONS.share, contentId: 'viva-alpha' });
    const doors = actionsOf(share.template).filter((a) => a.type === 'Action.OpenUrl').map((a) => String(a.url));
    expect(doors).toHaveLength(3);
    for (const url of doors) expect(url).toMatch(new RegExp(`^${BASE}/s/[A-Za-z0-9]{12}/(linkedin|x|facebook)$`));
    expect(cardTexts(share.template).join('\n')).toContain('LinkedIn text for alpha.');

    const [, code, network] = /\/s\/([^/]+)\/([a-z]+)$/.exec(doors[0]!)!;
    await harness.services.sharing.openIntent(code!, network!, NOW);
    const shares = await harness.repositories.shares.listByEmployee(TENANT, chat.user.aadObjectId);
    expect(shares.map((s) => s.contentId)).toEqual(['viva-alpha']);

    expect((await cardView(chat)).cardViewParameters.header[0]?.text).toBe('3 posts waiting for you');
    const after = await press(chat, { action: VIVA_ACTIONS.share, contentId: 'viva-alpha' });
    expect(cardTexts(after.template).join('\n')).toContain('Shared on');
    const top = await quickView(chat);
    expect(actionsOf(top.template).map((a) => (a.data as { contentId?: string } | undefined)?.contentId)).not.toContain('viva-alpha');
  });

  it('Back, a removed post and a forged payload answer a view and write nothing', async () => {
    const chat = await enrolledChat();
    const back = await press(chat, { action: VIVA_ACTIONS.back });
    expect(back.viewId).toBe('viva.top');
    const gone = await press(chat, { action: VIVA_ACTIONS.share, contentId: 'no-such-post' });
    expect(cardTexts(gone.template)).toContain(vivaCatalogs.en.quick.unavailable);
    const forged = await press(chat, { action: 'delete-everything', contentId: 'viva-bravo' });
    expect(forged.viewId).toBe('viva.top');
    expect(await harness.repositories.shares.listByEmployee(TENANT, chat.user.aadObjectId)).toEqual([]);
    expect(readVivaAction({ data: { action: VIVA_ACTIONS.share, contentId: 'x' } })).toEqual({ action: VIVA_ACTIONS.share, contentId: 'x' });
    expect(readVivaAction('nonsense')).toBeUndefined();
  });

  it('someone who has not joined sees how to join, and the card enrols nobody', async () => {
    const chat = harness.chat({ tenantId: TENANT });
    const card = await cardView(chat);
    expect(card.cardViewParameters.header[0]?.text).toBe(vivaCatalogs.en.card.join);
    expect(card.cardViewParameters.footer[0]?.action.type).toBe('ExternalLink');
    expect(await harness.repositories.employees.find(TENANT, chat.user.aadObjectId)).toBeUndefined();
  });

  it.each(SUPPORTED_LANGUAGES.filter((l) => l !== 'en'))('speaks %s', async (language: Language) => {
    const chat = await enrolledChat(`${language}-XX`);
    const card = await cardView(chat, `${language}-XX`);
    expect(card.aceData.title).toBe(vivaCatalogs[language].title);
    const header = card.cardViewParameters.header[0]?.text ?? '';
    expect(header).not.toBe('4 posts waiting for you');
    expect(header).toContain(new Intl.NumberFormat(language).format(4));
    expect(card.cardViewParameters.footer[0]?.title).toBe(vivaCatalogs[language].card.open);
    const top = await quickView(chat);
    expect(top.title).toBe(vivaCatalogs[language].quick.title);
    expect(actionsOf(top.template).filter((a) => a.type === 'Action.Submit').map((a) => a.title)).toEqual(Array(3).fill(vivaCatalogs[language].quick.share));
  });
});

