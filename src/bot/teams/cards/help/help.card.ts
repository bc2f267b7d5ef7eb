/**
 * The help card: every chat command with what it does, in the person's language, and buttons for
 * the ones people use most. Also the answer to anything the bot did not understand (with the
 * input quoted), so a message never goes unanswered.
 */
import { SUPPORTED_LANGUAGES, type Language } from '../../../../shared/domain/types.js';
import { translator } from '../../../../shared/i18n/index.js';
import { CHAT_COMMANDS, type ChatCommand } from '../../commands.js';
import { expandCard, type AdaptiveCardJson } from '../expand.js';
import template from './help.card.json' with { type: 'json' };

/** What the help card shows. */
export interface HelpCardData {
  /** Commands to list, in order. */
  commands: readonly ChatCommand[];
  /** Commands offered as buttons. */
  buttons: readonly ChatCommand[];
  /** What the person typed, when it was not understood. */
  unknownInput?: string;
}

/** Longest piece of unrecognised input echoed back, without markdown control characters. */
export function quoteInput(input: string): string {
  return input.replace(/[*_`~#>[\]|\\]/g, '').replace(/\s+/g, ' ').trim().slice(0, 32);
}

/** Render the help card in `language`. */
export function renderHelpCard(data: HelpCardData, language: Language): AdaptiveCardJson {
  const t = translator(language, 'bot');
  const options = SUPPORTED_LANGUAGES.join(', ');
  const unknown = data.unknownInput === undefined ? '' : quoteInput(data.unknownInput);
  return expandCard(template, {
    title: t('help.title'),
    intro: unknown ? t('help.unknown', { input: unknown }) : t('help.intro'),
    lines: data.commands.map((command) => ({
      keyword: CHAT_COMMANDS[command].keyword,
      description: t(`help.commands.${command}`, { options }),
    })),
    buttons: data.buttons.map((command) => ({ title: CHAT_COMMANDS[command].keyword, value: CHAT_COMMANDS[command].keyword })),
  });
}
