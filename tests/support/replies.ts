/**
 * Reading what the bot sent, for bot tests: the text a person reads in a reply (message text
 * plus every TextBlock of its cards), the cards themselves, and the card actions.
 */
import type { SentActivity } from './connector-server.js';
import { cardTexts } from './cards.js';

/** The Adaptive Cards attached to a sent activity. */
export function cardsOf(sent: Pick<SentActivity, 'activity'> | undefined): Array<Record<string, unknown>> {
  const attachments = (sent?.activity.attachments ?? []) as Array<{ contentType?: string; content?: unknown }>;
  return attachments
    .filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')
    .map((a) => a.content as Record<string, unknown>);
}

/** Everything a person reads in a sent activity: its text and every card TextBlock. */
export function readText(sent: Pick<SentActivity, 'activity'> | undefined): string {
  const parts = [typeof sent?.activity.text === 'string' ? sent.activity.text : '', ...cardsOf(sent).flatMap((card) => cardTexts(card))];
  return parts.filter(Boolean).join('\n');
}

/** Every pressable action of a card (not its `refresh`), depth first. */
export function actionsOf(card: unknown): Array<Record<string, unknown>> {
  const found: Array<Record<string, unknown>> = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if (typeof record.type === 'string' && record.type.startsWith('Action.')) found.push(record);
    Object.entries(record).forEach(([key, value]) => key !== 'refresh' && visit(value));
  };
  visit(card);
  return found;
}
