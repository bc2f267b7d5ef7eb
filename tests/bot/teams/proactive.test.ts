/**
 * Proactive sends through the stored conversation reference (the Messenger), the wins card
 * through the WinNotifier, and the "my score" / "leaderboard" commands over the real scoring and
 * leaderboard services, all on Azurite with the local connector.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bot as botCatalogs } from '../../../src/shared/i18n/catalogs/bot/index.js';
import type { Contest } from '../../../src/shared/domain/types.js';
import type { TestChat } from '../../support/activities.js';
import { startBotHarness, type BotHarness } from '../../support/bot-harness.js';
import { checkAdaptiveCard } from '../../support/cards.js';
import { cardsOf, readText } from '../../support/replies.js';

const NOW = new Date('2026-12-03T10:00:00.000Z');
const TENANT = 'proactive-tenant';
let harness: BotHarness;

beforeAll(async () => {
  harness = await startBotHarness({ label: 'proactive', clock: () => NOW, connector: { rateLimits: false } });
});
afterAll(() => harness.stop());
beforeEach(() => harness.connector.reset());

async function installed(locale?: string): Promise<TestChat> {
  const chat = harness.chat({ tenantId: TENANT, ...(locale ? { locale } : {}) });
  await harness.send(chat.installationUpdate('add'));
  harness.connector.reset();
  return chat;
}

describe('Messenger (proactive.ts)', () => {
  it('sends to the stored conversation in the person\'s language, with their Teams id for card refresh', async () => {
    const chat = await installed('it-IT');
    let recipient: { userId?: string } | undefined;
    const outcome = await harness.bot.messenger.sendToEmployee(TENANT, chat.user.aadObjectId, (language, to) => {
      recipient = to;
      return { text: `lingua: ${language}` };
    });
    expect(outcome).toBe('sent');
    expect(recipient).toEqual({ userId: chat.user.id });
    const sent = await harness.connector.waitFor((s) => s.conversationId === chat.conversation.id);
    expect(sent.activity).toMatchObject({ text: 'lingua: it', locale: 'it' });
  });

  it('no reference: no-reference; 403 (app removed) and 404 (conversation gone): unreachable, not retried', async () => {
    expect(await harness.bot.messenger.sendToEmployee(TENANT, 'never-installed', () => ({ text: 'x' }))).toBe('no-reference');
    const chat = await installed();
    for (const status of [403, 404]) {
      harness.connector.failNext(1, status);
      const outcome = await harness.bot.messenger.sendToEmployee(TENANT, chat.user.aadObjectId, () => ({ text: 'x' }));
      expect(outcome).toBe('unreachable');
    }
    expect(harness.connector.requests.filter((r) => r.conversationId === chat.conversation.id).map((r) => r.status)).toEqual([403, 404]);
    expect(harness.logs).toEqual([]);
  });

  it('a 500 that outlasts the retries is thrown to the caller (a scheduler retries later), nothing posted instead', async () => {
    const chat = await installed();
    harness.connector.failNext(4, 500);
    await expect(harness.bot.messenger.sendToEmployee(TENANT, chat.user.aadObjectId, () => ({ text: 'x' }))).rejects.toMatchObject({ statusCode: 500 });
    expect(harness.connector.sent.filter((s) => s.conversationId === chat.conversation.id)).toEqual([]);
  }, 20_000);
});

describe('WinNotifier (win-notifier.ts)', () => {
  it('a persona level-up detected by the wins service arrives as the wins card, once', async () => {
    const chat = await installed('ja-JP');
    await harness.measurement.wins.recordPersonaChange(TENANT, chat.user.aadObjectId, 'observer', 'sharer', NOW);
    const sent = await harness.connector.waitFor((s) => s.conversationId === chat.conversation.id && cardsOf(s).length > 0);
    const card = cardsOf(sent)[0];
    expect(checkAdaptiveCard(card).errors).toEqual([]);
    expect(readText(sent)).toContain(botCatalogs.ja.wins.kinds['persona-level-up'].replace('{{detail}}', 'シェアラー'));
    await harness.measurement.wins.recordPersonaChange(TENANT, chat.user.aadObjectId, 'observer', 'sharer', NOW);
    expect(harness.connector.sent.filter((s) => s.conversationId === chat.conversation.id)).toHaveLength(1);
  });
});

describe('my score and leaderboard', () => {
  it('without a running contest both say so', async () => {
    const chat = await installed();
    await harness.send(chat.message('my score'));
    await harness.send(chat.message('leaderboard'));
    const texts = harness.connector.sent.filter((s) => s.conversationId === chat.conversation.id).map(readText);
    expect(texts).toHaveLength(2);
    expect(texts.every((t) => t.includes(botCatalogs.en.score.noContest))).toBe(true);
  });

  it('with scores: the person\'s points and rank, and the top list with their row marked', async () => {
    const tenant = 'scored-tenant';
    const contest: Contest = {
      id: 'winter', name: 'Winter sharing contest', startsAt: '2026-12-01T00:00:00.000Z', endsAt: '2026-12-31T23:59:59.000Z',
      weights: { uniqueClick: 1, share: 5, conversion: 0 }, prizes: [], excludedRoles: [], excludedEmployeeIds: [],
    };
    await harness.repositories.contests.upsert(tenant, contest);
    const me = harness.chat({ tenantId: tenant });
    const other = harness.chat({ tenantId: tenant, user: { id: '29:1other', aadObjectId: 'other-person', name: 'Marco Rossi' } });
    await harness.send(me.installationUpdate('add'));
    await harness.send(other.installationUpdate('add'));
    const share = (employeeId: string, id: string) => ({
      id, tenantId: tenant, employeeId, contentId: 'c1', network: 'linkedin' as const, linkCode: `lc${id}`, text: 't', sharedAt: '2026-12-02T10:00:00.000Z',
    });
    await harness.measurement.scoring.onShareRecorded(share('other-person', 's1'));
    await harness.measurement.scoring.onShareRecorded(share('other-person', 's2'));
    await harness.measurement.scoring.onShareRecorded(share(me.user.aadObjectId, 's3'));
    harness.connector.reset();

    await harness.send(me.message('my score'));
    const score = readText(harness.connector.sent.find((s) => s.conversationId === me.conversation.id));
    expect(score).toContain('Contest: Winter sharing contest');
    expect(score).toContain('2 of 2');
    expect(score).toContain('5');

    await harness.send(me.message('leaderboard'));
    const board = readText(harness.connector.sent.filter((s) => s.conversationId === me.conversation.id).at(-1));
    expect(board.indexOf('Marco Rossi')).toBeGreaterThan(-1);
    expect(board).toContain(`${me.user.name} (you)`);
    expect(board.indexOf('Marco Rossi')).toBeLessThan(board.indexOf(`${me.user.name} (you)`));
  });
});
