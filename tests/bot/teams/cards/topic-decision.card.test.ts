/**
 * The topic decision card (a proposal accepted or declined), rendered in every language: parses
 * with the `adaptivecards` library without errors, nothing unexpanded, 1.5, under Teams' 28 KB;
 * says the new role or the reason, names the hub, links to it; a reason with markdown or template
 * syntax stays literal text; every language has its own words (no English copies).
 */
import { describe, expect, it } from 'vitest';
import { renderTopicDecisionCard, type TopicDecisionCardData } from '../../../../src/bot/teams/cards/topic-decision/topic-decision.card.js';
import { topicHubUrl } from '../../../../src/bot/teams/topic-decision-notifier.js';
import { SUPPORTED_LANGUAGES } from '../../../../src/shared/domain/types.js';
import { topics as topicsCatalogs } from '../../../../src/shared/i18n/catalogs/topics/index.js';
import { cardTexts, checkAdaptiveCard, TEAMS_CARD_SIZE_LIMIT } from '../../../support/cards.js';

const URL_LOCAL = topicHubUrl({ publicBaseUrl: 'https://advocacy.example/' }, 'social-selling');
const ACCEPTED: TopicDecisionCardData = { accepted: true, hubName: 'Social selling', role: 'thought-leader', url: URL_LOCAL };
const DECLINED: TopicDecisionCardData = { accepted: false, hubName: 'Social selling', role: 'spokesperson', reason: 'Press training first, then propose again in March.', url: URL_LOCAL };

const openUrl = (card: unknown) => (card as { actions: Array<{ type: string; url: string; title: string }> }).actions.find((a) => a.type === 'Action.OpenUrl');

describe('topic decision card', () => {
  const cases = SUPPORTED_LANGUAGES.flatMap((language) => [['accepted', language, ACCEPTED], ['declined', language, DECLINED]] as const);
  it.each(cases)('%s (%s): parses cleanly, nothing unexpanded, 1.5, under 28 KB', (_name, language, data) => {
    const card = renderTopicDecisionCard(data, language);
    const check = checkAdaptiveCard(card);
    expect(check.errors).toEqual([]);
    expect(check.unexpanded).toBe(false);
    expect(check.version).toBe('1.5');
    expect(check.bytes).toBeLessThan(TEAMS_CARD_SIZE_LIMIT);
    expect(openUrl(card)?.url).toBe('https://advocacy.example/tab/#/topics/social-selling');
  });

  it('accepted: the new role and the hub, no reason block', () => {
    const card = renderTopicDecisionCard(ACCEPTED, 'en');
    const texts = cardTexts(card).join('\n');
    expect(texts).toContain('You are now a Thought leader in Social selling');
    expect(texts).not.toContain('Why');
    expect(JSON.stringify(card)).toContain('"value":"Thought leader"');
    expect(openUrl(card)?.title).toBe('Open the hub');
  });

  it('declined: the reason as written and the role proposed, in the person\'s language', () => {
    const card = renderTopicDecisionCard(DECLINED, 'ja');
    const texts = cardTexts(card);
    expect(texts).toContain('Press training first, then propose again in March.');
    expect(texts).toContain('理由');
    expect(texts.join('\n')).toContain('Social selling への申し出は承認されませんでした');
    expect(JSON.stringify(card)).toContain(topicsCatalogs.ja.role.spokesperson);
  });

  it('a reason or hub name with markdown or template syntax stays literal', () => {
    const card = renderTopicDecisionCard({ ...DECLINED, hubName: 'Hub ${evil}', reason: 'See [here](https://evil.example) ${x}' }, 'en');
    const json = JSON.stringify(card);
    expect(json).toContain('${evil}');
    expect(cardTexts(card).some((t) => t.includes('[here]\u200B(https://evil.example)'))).toBe(true);
    expect(checkAdaptiveCard(card).errors).toEqual([]);
  });

  it('in Teams the link opens the Topics tab on the hub (sub-entity topic:<id>)', () => {
    const url = new URL(topicHubUrl({ publicBaseUrl: 'https://advocacy.example', teamsAppId: 'f3a1c2d4-0000-4000-8000-000000000001' }, 'social-selling'));
    expect(url.origin + url.pathname).toBe('https://teams.microsoft.com/l/entity/f3a1c2d4-0000-4000-8000-000000000001/topics');
    expect(JSON.parse(url.searchParams.get('context') ?? '{}')).toEqual({ subEntityId: 'topic:social-selling' });
  });

  it('every language has its own words', () => {
    for (const language of SUPPORTED_LANGUAGES.filter((l) => l !== 'en')) {
      const theirs = topicsCatalogs[language].decisionCard;
      for (const [key, value] of Object.entries(topicsCatalogs.en.decisionCard)) expect(theirs[key as keyof typeof theirs], `${language}.${key}`).not.toBe(value);
    }
  });
});

describe('the tab opens the hub of a Teams deep link', () => {
  it('sub-entity topic:<id> is the hub on the Topics page', async () => {
    const { hashForSubPage } = await import('../../../../src/tab/app/router.js');
    expect(hashForSubPage('topic:social-selling')).toBe('#/topics/social-selling');
    expect(hashForSubPage('topic:')).toBeUndefined();
  });
});
