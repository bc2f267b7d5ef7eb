/**
 * The training nudge in the bot: the card rendered in en, ja and th at every stage (valid Adaptive
 * Card 1.5, no template left, under 28 KB, the three verbs), and the whole path with real parts: a
 * push goes through the campaign pipeline (worker, `training` message builder) to the local
 * connector as the card in the person's language; Start shows the module, Done counts a win once,
 * Not now three times declines; a forged payload gets a notice and writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderTrainingNudgeCard, type TrainingNudgeStage } from '../../../src/bot/teams/cards/training-nudge/training-nudge.card.js';
import { createTrainingNudgeBuilder } from '../../../src/bot/teams/training.handler.js';
import { CARD_VERBS } from '../../../src/bot/teams/verbs.js';
import { createTrainingDispatcher } from '../../../src/bot/services/training-dispatch.js';
import type { Language } from '../../../src/shared/domain/types.js';
import { startBotHarness, type BotHarness } from '../../support/bot-harness.js';
import { cardTexts, checkAdaptiveCard, TEAMS_CARD_SIZE_LIMIT } from '../../support/cards.js';
import { startTestDeliveryWorker, testCampaignService, waitForDeliveries } from '../../support/delivery.js';
import { actionsOf, cardsOf } from '../../support/replies.js';

const STAGES: TrainingNudgeStage[] = ['nudge', 'started', 'done', 'later', 'declined'];
const LANGS: Language[] = ['en', 'ja', 'th'];
const LABELS: Record<string, { start: string; done: string; notNow: string; eyebrow: string }> = {
  en: { start: 'Start', done: 'Done', notNow: 'Not now', eyebrow: 'Training for you' },
  ja: { start: '開始', done: '完了', notNow: '今はしない', eyebrow: 'あなたへのトレーニング' },
  th: { start: 'เริ่ม', done: 'เสร็จแล้ว', notNow: 'ไว้ทีหลัง', eyebrow: 'การฝึกอบรมสำหรับคุณ' },
};

const fixture = (stage: TrainingNudgeStage) => ({
  moduleId: 'm-1',
  title: 'Best times to post ${notATemplate}',
  summary: 'When your network reads.',
  format: 'article' as const,
  durationMinutes: 6,
  body: '# Post when your network reads\n\n- Wednesday is the busiest day.\n- Weekends work too.\n\n' + 'Long text. '.repeat(600),
  link: 'https://learn.example.com/best-times',
  fit: { persona: 'networker' as const },
  stage,
});

describe('training nudge card', () => {
  it.each(LANGS.flatMap((l) => STAGES.map((s) => [l, s] as const)))('%s / %s is a valid card with the right buttons', (language, stage) => {
    const card = renderTrainingNudgeCard(fixture(stage), language);
    const check = checkAdaptiveCard(card);
    expect(check.errors).toEqual([]);
    expect(JSON.stringify(card).length).toBeLessThan(TEAMS_CARD_SIZE_LIMIT);
    expect(card.version).toBe('1.5');
    const texts = cardTexts(card).join('\n');
    expect(texts).toContain(LABELS[language]!.eyebrow);
    expect(texts).toContain('${notATemplate}'); // data is never re-expanded
    const verbs = actionsOf(card).map((a) => a.verb).filter(Boolean);
    const titles = actionsOf(card).map((a) => a.title);
    if (stage === 'nudge') {
      expect(verbs).toEqual([CARD_VERBS.trainingStart, CARD_VERBS.trainingComplete, CARD_VERBS.trainingLater]);
      expect(titles).toEqual(expect.arrayContaining([LABELS[language]!.start, LABELS[language]!.done, LABELS[language]!.notNow]));
      expect(actionsOf(card).filter((a) => a.verb).every((a) => (a.data as { moduleId: string }).moduleId === 'm-1')).toBe(true);
    } else if (stage === 'started') {
      expect(verbs).toEqual([CARD_VERBS.trainingComplete]);
      expect(texts).toContain('Wednesday is the busiest day.');
      expect(texts).toContain('…'); // a long body is clipped on the card
    } else {
      expect(verbs).toEqual([]);
    }
  });
});

describe('training nudge through the pipeline and the card actions', () => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await startBotHarness({ label: 'trainbot' });
  }, 60_000);
  afterAll(() => harness?.stop());

  async function enrol(name: string, language: Language, locale: string) {
    const chat = harness.chat({ locale, user: { id: `29:${name}`, aadObjectId: `aad-${name}`, name } });
    await harness.send(chat.installationUpdate());
    const row = await harness.repositories.employees.get(chat.tenantId, chat.user.aadObjectId);
    await harness.repositories.employees.update({ ...row.value, persona: 'networker', language, workingDays: [0, 1, 2, 3, 4, 5, 6], workingHours: { start: 0, end: 24 }, weeklyPromptCap: 5 }, row.etag);
    return chat;
  }

  it('sends the nudge card in Japanese; Start, Done (one win), and forged payloads', async () => {
    const chat = await enrol('hana', 'ja', 'ja-JP');
    const tenantId = chat.tenantId;
    const employeeId = chat.user.aadObjectId;
    const { training, trainingPush } = harness.services;
    const module = await training.createModule(tenantId, 'trainer-1', { title: 'ネットワーカーの投稿術', format: 'article', learningStyle: 'reading', durationMinutes: 5, languages: ['ja'], body: '# 手順\n\n- 自分の言葉で書く', targetPersonas: ['networker'], targetTopicRoles: [] });
    await training.publish(tenantId, module.id);
    trainingPush.attachDispatcher(createTrainingDispatcher(testCampaignService(harness)));
    const worker = startTestDeliveryWorker(harness, { training: createTrainingNudgeBuilder(training) });
    try {
      const result = await trainingPush.push(tenantId, 'trainer-1', module.id, { audience: { personas: ['networker'], topicRoles: [], teams: [], learningStyles: [] }, spreadHours: 0.5 });
      expect(result.recipients).toBe(1);
      await waitForDeliveries(harness, tenantId, result.push.dispatchIds[0]!, (s) => s === 'sent');
    } finally {
      await worker.stop();
    }
    const sent = harness.connector.sent.find((s) => cardsOf(s).some((c) => cardTexts(c).includes('ネットワーカーの投稿術')));
    expect(sent).toBeDefined();
    expect(sent!.activity.locale).toBe('ja');
    const card = cardsOf(sent)[0]!;
    expect(cardTexts(card)).toContain('あなたへのトレーニング');
    expect(actionsOf(card).map((a) => a.title)).toEqual(['開始', '完了', '今はしない']);

    const press = async (verb: string, data: Record<string, unknown>) => {
      const res = await harness.send(chat.cardAction(verb, data, { replyToId: sent!.activityId }));
      expect(res.status).toBe(200);
      const body = res.body as { statusCode: number; value: Record<string, unknown> };
      expect(checkAdaptiveCard(body.value).errors).toEqual([]);
      return body.value;
    };
    const started = await press(CARD_VERBS.trainingStart, { moduleId: module.id });
    expect(cardTexts(started).join('\n')).toContain('自分の言葉で書く');
    expect(actionsOf(started).map((a) => a.verb).filter(Boolean)).toEqual([CARD_VERBS.trainingComplete]);
    const done = await press(CARD_VERBS.trainingComplete, { moduleId: module.id });
    expect(cardTexts(done).join('\n')).toContain('完了です');
    expect(actionsOf(done)).toEqual([]);
    await press(CARD_VERBS.trainingComplete, { moduleId: module.id });
    const wins = (await harness.services.wins.listWins(tenantId, employeeId)).filter((w) => w.kind === 'training-completed');
    expect(wins).toHaveLength(1);

    const forged = await press(CARD_VERBS.trainingStart, { moduleId: '../../etc' });
    expect(actionsOf(forged).some((a) => a.verb === CARD_VERBS.trainingComplete)).toBe(false);
    const unknown = await press(CARD_VERBS.trainingStart, { moduleId: 'no-such-module' });
    expect(actionsOf(unknown).some((a) => a.verb === CARD_VERBS.trainingComplete)).toBe(false);
    expect(await harness.repositories.training.progress.get(tenantId, 'no-such-module', employeeId)).toBeUndefined();
  });

  it('Not now three times declines the module (Thai), and the builder then sends nothing', async () => {
    const chat = await enrol('somchai', 'th', 'th-TH');
    const { training } = harness.services;
    const module = await training.createModule(chat.tenantId, 'trainer-1', { title: 'เครือข่าย', format: 'checklist', learningStyle: 'hands-on', durationMinutes: 5, languages: ['th'], body: '- ขั้นตอน', targetPersonas: ['networker'], targetTopicRoles: [] });
    await training.publish(chat.tenantId, module.id);
    const builder = createTrainingNudgeBuilder(training);
    const target = { tenantId: chat.tenantId, employeeId: chat.user.aadObjectId, subjectId: module.id };
    expect(await builder(target)).toBeDefined();
    const texts: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await harness.send(chat.cardAction(CARD_VERBS.trainingLater, { moduleId: module.id }, { replyToId: 'x' }));
      texts.push(cardTexts((res.body as { value: unknown }).value).join('\n'));
    }
    expect(texts[0]).toContain('ไม่เป็นไร');
    expect(texts[2]).toContain('จะไม่แนะนำโมดูลนี้ให้คุณอีก');
    expect(await builder(target)).toBeUndefined();
  });
});
