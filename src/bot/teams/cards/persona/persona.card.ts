/**
 * The audit result: where the person sits on the Onalytica persona chart (audience x activity,
 * a 2x2 table with their quadrant highlighted), a note when they moved up a level, and their next
 * step (advice key from the domain, text from `common.persona.next.*`).
 */
import type { AdviceMessage } from '../../../../shared/domain/personas.js';
import type { Language, Persona } from '../../../../shared/domain/types.js';
import { translator } from '../../../../shared/i18n/index.js';
import { CHAT_COMMANDS } from '../../commands.js';
import { expandCard, type AdaptiveCardJson } from '../expand.js';
import template from './persona.card.json' with { type: 'json' };

/** What the persona card shows. */
export interface PersonaCardData {
  persona: Persona;
  /** Persona before this audit, when it went up a level. */
  levelUpFrom?: Persona;
  advice: AdviceMessage;
  /** The person chose "I don't want prompts". */
  promptsPaused: boolean;
}

/** The chart, top row first: active people above, larger audience to the right. */
const CHART: ReadonlyArray<{ row: 'active' | 'inactive'; cells: readonly [Persona, Persona] }> = [
  { row: 'active', cells: ['sharer', 'influencer'] },
  { row: 'inactive', cells: ['observer', 'networker'] },
];

/** Render the persona card in `language`. */
export function renderPersonaCard(data: PersonaCardData, language: Language): AdaptiveCardJson {
  const t = translator(language, 'bot');
  const common = translator(language, 'common');
  const personaName = (p: Persona) => common(`persona.${p}`);
  const view = {
    title: t('persona.title', { persona: personaName(data.persona) }),
    levelUp: data.levelUpFrom ? t('persona.levelUp', { previous: personaName(data.levelUpFrom) }) : null,
    chartIntro: t('persona.chartIntro'),
    smallAudience: t('persona.smallAudience'),
    largeAudience: t('persona.largeAudience'),
    rows: CHART.map(({ row, cells }) => ({
      label: t(`persona.${row}`),
      cells: cells.map((persona) => {
        const here = persona === data.persona;
        return { name: personaName(persona), here, style: here ? 'accent' : 'default', weight: here ? 'Bolder' : 'Default' };
      }),
    })),
    you: t('persona.you'),
    nextHeading: t('persona.nextHeading'),
    advice: common(data.advice.key, data.advice.params),
    paused: data.promptsPaused ? t('persona.promptsPaused') : null,
    retake: t('persona.retake'),
    retakeCommand: CHAT_COMMANDS.audit.keyword,
  };
  return expandCard(template, view);
}
