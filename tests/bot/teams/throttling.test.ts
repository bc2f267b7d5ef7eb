/**
 * What the real stack does when the connector throttles or fails. botbuilder 4.23 sends through
 * @azure/core-rest-pipeline, whose default retry policy applies: a 429 (or 503) with `Retry-After`
 * is retried after that delay, a 5xx with exponential backoff (1 s base), at most 3 retries; a
 * 403/404 is not retried. When retries run out the send throws, `onTurnError` logs it and tries a
 * localized error reply, and the HTTP answer to Teams is still 200.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bot as botCatalogs } from '../../../src/shared/i18n/catalogs/bot/index.js';
import { readText } from '../../support/replies.js';
import { startBotHarness, type BotHarness } from '../../support/bot-harness.js';

let harness: BotHarness;

beforeAll(async () => {
  harness = await startBotHarness({ label: 'throttle' });
});
afterAll(() => harness.stop());
beforeEach(() => {
  harness.connector.reset();
  harness.logs.length = 0;
});

const statusesFor = (conversationId: string) =>
  harness.connector.requests.filter((r) => r.conversationId === conversationId).map((r) => r.status);

describe('connector throttling and faults', () => {
  it('a 429 with Retry-After is retried after that delay and the reply arrives', async () => {
    const chat = harness.chat({ locale: 'ja-JP' });
    harness.connector.failNext(1, 429, { retryAfterSeconds: 1 });
    const started = performance.now();

    const result = await harness.send(chat.message('help'));

    expect(result.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    expect(statusesFor(chat.conversation.id)).toEqual([429, 201]);
    const sent = await harness.connector.waitFor((s) => s.conversationId === chat.conversation.id);
    expect(readText(sent)).toContain(botCatalogs.ja.help.intro);
    expect(harness.logs).toEqual([]);
  });

  it('a burst over the per-conversation bucket (7/s) is throttled, retried, and every reply is delivered', async () => {
    const chat = harness.chat();
    // Enrolled already, so the ten turns reach the connector at once (no first-run writes in between).
    await harness.send(chat.message('help'));
    harness.connector.reset();
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => harness.send(chat.message(`help ${i}`))));

    expect(results.map((r) => r.status)).toEqual(Array(10).fill(200));
    const statuses = statusesFor(chat.conversation.id);
    // Ten replies in well under a second against 7/s: some are refused (each turn's storage read spreads them a little).
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(1);
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(harness.connector.sent.filter((s) => s.conversationId === chat.conversation.id)).toHaveLength(10);
  });

  it('429 that never ends: 4 attempts, then the turn fails, is logged, and Teams still gets 200', async () => {
    const chat = harness.chat();
    harness.connector.failNext(100, 429, { retryAfterSeconds: 1 });

    const result = await harness.send(chat.message('help'));

    expect(result.status).toBe(200);
    // 4 attempts for the reply, then 4 for the localized error reply from onTurnError.
    expect(statusesFor(chat.conversation.id)).toEqual(Array(8).fill(429));
    expect(harness.connector.sent).toEqual([]);
    expect(harness.logs.map((l) => [l.level, l.message])).toEqual([
      ['error', 'bot turn failed'],
      ['warn', 'could not tell the user about the failed turn'],
    ]);
    expect(harness.logs[0]?.details).toMatchObject({
      err: { name: 'RestError', statusCode: 429, code: 'ThrottledRequest' },
      activityType: 'message',
    });
  }, 20_000);

  it('a 500 is retried with backoff; the reply arrives', async () => {
    const chat = harness.chat();
    harness.connector.failNext(1, 500);

    await harness.send(chat.message('help'));

    expect(statusesFor(chat.conversation.id)).toEqual([500, 201]);
    await harness.connector.waitFor((s) => s.conversationId === chat.conversation.id);
  });

  it('a 403 (app uninstalled) is not retried: the turn fails once and is logged without secrets', async () => {
    const chat = harness.chat();
    harness.connector.failNext(2, 403);

    const result = await harness.send(chat.message('help'));

    expect(result.status).toBe(200);
    expect(statusesFor(chat.conversation.id)).toEqual([403, 403]);
    expect(harness.logs[0]?.details).toEqual({
      err: { name: 'RestError', message: 'injected fault 403', statusCode: 403, code: 'BotNotInConversationRoster' },
      activityType: 'message',
      activityName: undefined,
      channelId: 'msteams',
    });
  });

  it('when a handler fails, the person gets the generic error in their language', async () => {
    const chat = harness.chat({ locale: 'th-TH' });
    harness.connector.failNext(1, 404);

    await harness.send(chat.message('help'));

    const sent = await harness.connector.waitFor((s) => s.conversationId === chat.conversation.id);
    expect(sent.activity.text).toBe(botCatalogs.th.error.generic);
    expect(statusesFor(chat.conversation.id)).toEqual([404, 201]);
  });
});
