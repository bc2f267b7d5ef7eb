/**
 * A win to celebrate (first share, click milestones, a persona level-up, a completed training),
 * sent proactively by the WinNotifier. One card for the wins handed over together.
 */
import type { Win } from '../../../../shared/domain/wins.js';
import { PERSONAS, type Language, type Persona } from '../../../../shared/domain/types.js';
import { translator } from '../../../../shared/i18n/index.js';
import { CHAT_COMMANDS } from '../../commands.js';
import { expandCard, type AdaptiveCardJson } from '../expand.js';
import template from './wins.card.json' with { type: 'json' };

/** Render the wins card in `language`. */
export function renderWinsCard(wins: ReadonlyArray<Pick<Win, 'kind' | 'detail'>>, language: Language): AdaptiveCardJson {
  const t = translator(language, 'bot');
  const common = translator(language, 'common');
  const detail = (win: Pick<Win, 'kind' | 'detail'>) =>
    win.kind === 'persona-level-up' && (PERSONAS as readonly string[]).includes(win.detail ?? '') ? common(`persona.${win.detail as Persona}`) : (win.detail ?? '');
  return expandCard(template, {
    title: wins.length > 1 ? t('wins.titleMany') : t('wins.title'),
    wins: wins.map((win) => ({ text: `• ${t(`wins.kinds.${win.kind}`, { detail: detail(win) })}` })),
    thanks: t('wins.thanks'),
    myScore: t('wins.myScore'),
    myScoreCommand: CHAT_COMMANDS.myScore.keyword,
  });
}
