import { describe, expect, it } from 'vitest';
import { SUPPORTED_LANGUAGES } from '../../../../src/shared/domain/types.js';
import { bot as botCatalogs } from '../../../../src/shared/i18n/catalogs/bot/index.js';
import { translator } from '../../../../src/shared/i18n/index.js';
import { renderWelcomeCard } from '../../../../src/bot/teams/cards/welcome/welcome.card.js';
import { cardTexts, checkAdaptiveCard, TEAMS_CARD_SIZE_LIMIT } from '../../../support/cards.js';

describe('welcome card', () => {
  it.each(SUPPORTED_LANGUAGES)('%s: renders, parses, has no ${ left and fits in a Teams message', (language) => {
    const attachment = renderWelcomeCard({ userName: 'Aiko Tanaka', helpCommand: 'help' }, translator(language, 'bot'));

    expect(attachment.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const check = checkAdaptiveCard(attachment.content);
    expect(check.errors).toEqual([]);
    expect(check.unexpanded).toBe(false);
    expect(check.version).toBe('1.5');
    expect(check.bytes).toBeLessThan(TEAMS_CARD_SIZE_LIMIT);

    const catalog = botCatalogs[language];
    const texts = cardTexts(attachment.content);
    expect(texts).toEqual([
      catalog.welcome.greeting.replace('{{name}}', 'Aiko Tanaka'),
      catalog.welcome.title,
      catalog.welcome.intro,
      '📣', catalog.welcome.points.prompts,
      '📈', catalog.welcome.points.impact,
      '🎓', catalog.welcome.points.growth,
      catalog.welcome.helpHint,
      catalog.welcome.languageHint,
    ]);
  });

  it('has no greeting without a name, and its button sends the help command as typed text', () => {
    const attachment = renderWelcomeCard({ helpCommand: 'help' }, translator('en', 'bot'));
    const content = attachment.content as { actions: Array<{ type: string; title: string; data: unknown }> };
    expect(cardTexts(content)[0]).toBe(botCatalogs.en.welcome.title);
    expect(content.actions).toEqual([
      { type: 'Action.Submit', title: botCatalogs.en.welcome.helpAction, data: { msteams: { type: 'imBack', value: 'help' } } },
    ]);
  });

  it('keeps a name with template syntax as plain text', () => {
    const attachment = renderWelcomeCard({ userName: '${title}', helpCommand: 'help' }, translator('en', 'bot'));
    expect(cardTexts(attachment.content)[0]).toBe('Hi ${title}!');
    expect(checkAdaptiveCard(attachment.content).errors).toEqual([]);
  });
});
