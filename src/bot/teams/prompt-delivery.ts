/**
 * Deliver a share prompt to a person's personal chat, proactively: the next item the sharing
 * service offers them now (targeting, pause, weekly cap, snoozes are its rules), prepared as their
 * prompt and sent through the Messenger (`proactive.ts`) as the share prompt card, refreshing for
 * them. Used by the journey right after the policy is agreed; a scheduled delivery can call it too.
 */
import { cardAttachment } from './cards/expand.js';
import type { TeamsDeps } from './deps.js';
import { renderPromptView } from './share-view.js';

/** What happened. */
export type DeliveryOutcome = 'sent' | 'nothing-to-offer' | 'no-reference' | 'unreachable';

/** Offer the next item to one person now. */
export async function deliverNextPrompt(
  deps: Pick<TeamsDeps, 'services' | 'messenger' | 'clock'>,
  person: { tenantId: string; employeeId: string },
): Promise<DeliveryOutcome> {
  const now = deps.clock();
  const item = await deps.services.sharing.nextOffer(person.tenantId, person.employeeId, now);
  if (!item) return 'nothing-to-offer';
  const view = await deps.services.sharing.preparePrompt({ tenantId: person.tenantId, employeeId: person.employeeId, contentId: item.id, now });
  return deps.messenger.sendToEmployee(person.tenantId, person.employeeId, (_language, recipient) => ({
    attachments: [cardAttachment(renderPromptView(view, recipient?.userId ? { refreshFor: recipient.userId } : {}))],
    locale: view.language,
  }));
}
