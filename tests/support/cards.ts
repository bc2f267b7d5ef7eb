/**
 * Card checks every card test runs: the card parses with the `adaptivecards` library (the
 * renderer Teams and the Playground build on) without validation events, no template expression
 * (`${`) is left unexpanded, and the JSON stays under Teams' message size limit.
 */
import { createRequire } from 'node:module';
import type * as AdaptiveCardsModule from 'adaptivecards';

// The package root does not load in Node; its UMD bundle does (see docs/TOOLCHAIN notes).
const load = createRequire(import.meta.url);
const AdaptiveCards = load('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCardsModule;

/** Teams rejects messages larger than about 28 KB; a card must stay below it. */
export const TEAMS_CARD_SIZE_LIMIT = 28 * 1024;

/** What {@link checkAdaptiveCard} found. */
export interface CardCheck {
  /** Parse and validation messages from the adaptivecards library (empty when the card is clean). */
  errors: string[];
  /** Size of the card JSON in UTF-8 bytes. */
  bytes: number;
  /** True when a `${` survived template expansion. */
  unexpanded: boolean;
  /** The card's `version`. */
  version: unknown;
}

/** Parse and validate an Adaptive Card JSON object (an attachment's `content`). */
export function checkAdaptiveCard(content: unknown): CardCheck {
  const json = JSON.stringify(content);
  const card = new AdaptiveCards.AdaptiveCard();
  const context = new AdaptiveCards.SerializationContext();
  card.parse(content as object, context);
  const errors: string[] = [];
  for (let i = 0; i < context.eventCount; i += 1) errors.push(context.getEventAt(i).message);
  for (const event of card.validateProperties().validationEvents) errors.push(event.message);
  return {
    errors,
    bytes: Buffer.byteLength(json, 'utf8'),
    unexpanded: json.includes('${'),
    version: (content as { version?: unknown }).version,
  };
}

/** Every TextBlock `text` in a card, depth first (to assert on what a person reads). */
export function cardTexts(content: unknown): string[] {
  const texts: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if (record.type === 'TextBlock' && typeof record.text === 'string') texts.push(record.text);
    Object.values(record).forEach(visit);
  };
  visit(content);
  return texts;
}
