/**
 * One way to answer in the person's language: a catalog text or a card, with the activity's
 * `locale` set to that language (Teams uses it for screen readers and date formats).
 */
import { MessageFactory, type Activity, type Attachment, type TurnContext } from 'botbuilder';
import type { Language } from '../../shared/domain/types.js';
import { translator } from '../../shared/i18n/index.js';
import { cardAttachment, type AdaptiveCardJson } from './cards/expand.js';

/** A message carrying one card (expanded JSON or an attachment), in `language`. */
export function cardMessage(card: AdaptiveCardJson | Attachment, language: Language): Partial<Activity> {
  const message = MessageFactory.attachment('contentType' in card ? (card as Attachment) : cardAttachment(card as AdaptiveCardJson));
  message.locale = language;
  return message;
}

/** Send one card. */
export async function sendCard(context: TurnContext, card: AdaptiveCardJson | Attachment, language: Language): Promise<void> {
  await context.sendActivity(cardMessage(card, language));
}

/** Send the `bot` catalog text `key` (markdown) in `language`. */
export async function sendText(
  context: TurnContext,
  language: Language,
  key: string,
  values: Record<string, string | number> = {},
): Promise<void> {
  const message = MessageFactory.text(translator(language, 'bot')(key, values));
  message.locale = language;
  message.textFormat = 'markdown';
  await context.sendActivity(message);
}
