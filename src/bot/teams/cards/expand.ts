/**
 * One way every card is made: an Adaptive Card 1.5 template (`*.card.json`) expanded on the
 * server with `adaptivecards-templating` against a complete view object (every field the template
 * reads is present; optional parts are `null` and hidden with `$when`). Data values are never
 * re-expanded, so a name or post text containing `${...}` stays literal.
 */
import { CardFactory, type Attachment } from 'botbuilder';
import { Template } from 'adaptivecards-templating';

/** An expanded Adaptive Card (what an invoke response or attachment carries). */
export interface AdaptiveCardJson {
  type: 'AdaptiveCard';
  version: string;
  [key: string]: unknown;
}

/** Expand `template` with `view` as `$root`. */
export function expandCard(template: object, view: object): AdaptiveCardJson {
  return new Template(template).expand({ $root: view }) as AdaptiveCardJson;
}

/** The card as a message attachment. */
export function cardAttachment(card: AdaptiveCardJson): Attachment {
  return CardFactory.adaptiveCard(card);
}
