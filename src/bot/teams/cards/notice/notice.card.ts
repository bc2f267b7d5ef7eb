/**
 * A short notice in place of a card whose action could not be done: a stale or forged payload,
 * an item gone from the board. Says what happened and offers a command to carry on; nothing was
 * written when this card is shown.
 */
import type { Language } from '../../../../shared/domain/types.js';
import { translator } from '../../../../shared/i18n/index.js';
import { CHAT_COMMANDS, type ChatCommand } from '../../commands.js';
import { expandCard, type AdaptiveCardJson } from '../expand.js';
import template from './notice.card.json' with { type: 'json' };

/** Which notice: keys under `bot:notice`. */
export type NoticeKind = 'stale' | 'unavailable' | 'policyFirst' | 'personalOnly';

/** Render a notice card; `commands` become buttons that type the command for the person. */
export function renderNoticeCard(kind: NoticeKind, language: Language, commands: ChatCommand[] = ['board']): AdaptiveCardJson {
  const t = translator(language, 'bot');
  return expandCard(template, {
    title: t('notice.staleTitle'),
    text: t(`notice.${kind}`),
    commands: commands.map((command) => ({ title: CHAT_COMMANDS[command].keyword, value: CHAT_COMMANDS[command].keyword })),
  });
}
